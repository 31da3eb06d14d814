namespace CityOps.Flow.Storage;

/// <summary>What a start-up migration did: scripts applied now, and scripts found already applied.</summary>
public sealed record MigrationReport(IReadOnlyList<string> Applied, IReadOnlyList<string> AlreadyApplied);
