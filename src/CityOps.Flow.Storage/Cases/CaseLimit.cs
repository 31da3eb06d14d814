namespace CityOps.Flow.Storage;

/// <summary>A case whose handling limit is running, with the instant the limit started (its first dispatch).</summary>
public sealed record CaseLimit(CaseRecord Case, DateTimeOffset LimitStart);
