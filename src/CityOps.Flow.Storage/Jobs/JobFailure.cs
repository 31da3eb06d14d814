namespace CityOps.Flow.Storage;

/// <summary>A job that failed and waits for its next attempt (or was parked after its last).</summary>
public sealed record JobFailure(Guid JobId, int Attempts, string LastError, DateTimeOffset LastFailedAt, string Worker);
