namespace CityOps.Flow.Cases.Lifecycle;

/// <summary>
/// One domain event of a case, as the workflow's user tasks and service tasks emit them. <see cref="Note"/> carries
/// the return reason, the target case of a merge or the department asked for assistance.
/// </summary>
public sealed record CaseEvent(CaseEventKind Kind, DateTimeOffset At, string? Actor = null, string? Note = null);
