namespace CityOps.Flow.Storage;

/// <summary>A case whose lifecycle instance was last told a smaller cluster size than the case now has.</summary>
public sealed record LifecycleLag(string CaseId, string CaseNumber, string ProcessInstanceId, int ClusterSize);
