namespace CityOps.Flow.Storage;

/// <summary>One open task of an inbox page: the task and its case are read in full for the page shown only.</summary>
public sealed record WorklistEntry(Guid TaskId, Guid InstanceId);
