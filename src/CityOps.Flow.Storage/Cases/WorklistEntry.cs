namespace CityOps.Flow.Storage;

/// <summary>
/// One open task of an inbox with just what its due state needs: its due date and when its case's limit started
/// running (the first dispatch). The task and case themselves are read for the page shown only.
/// </summary>
public sealed record WorklistEntry(Guid TaskId, Guid InstanceId, DateTimeOffset? DueDate, DateTimeOffset? DispatchedAt);
