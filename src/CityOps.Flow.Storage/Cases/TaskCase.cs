namespace CityOps.Flow.Storage;

/// <summary>
/// The case behind a workflow task, as an inbox shows it: the case and when its time limit started running
/// (the first dispatch), which the due state is measured from.
/// </summary>
public sealed record TaskCase(CaseRecord Case, DateTimeOffset? DispatchedAt);
