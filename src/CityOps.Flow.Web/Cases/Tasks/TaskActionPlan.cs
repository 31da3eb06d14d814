using CityOps.Flow.Cases.Lifecycle;

namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>
/// What a valid task action does: the variables the task is completed with (none for accept, which only claims), the
/// case command the case record must allow, and the event recorded once the engine took it (none when the
/// workflow's <c>case-status</c> task records it).
/// </summary>
public sealed record TaskActionPlan(
    IReadOnlyDictionary<string, object?>? Variables, CaseCommand? Command, CaseEventKind? Event, string? Note);
