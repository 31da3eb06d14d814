namespace CityOps.Flow.Engine.Runtime;

/// <summary>Tuning of the engine; the defaults suit the product.</summary>
public sealed record WorkflowEngineOptions
{
    /// <summary>How long a message nobody waits for stays in the buffer when the sender names no time to live.</summary>
    public TimeSpan DefaultMessageTimeToLive { get; init; } = TimeSpan.FromHours(1);
    /// <summary>How often a command re-runs after losing an optimistic-concurrency race before it gives up.</summary>
    public int MaxConflictRetries { get; init; } = 10;
    /// <summary>How long a worker holds a job it acquired before another may take it.</summary>
    public TimeSpan JobLockDuration { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>The lock owner name of this engine's job worker.</summary>
    public string WorkerId { get; init; } = "engine";
    /// <summary>How many due jobs one acquisition takes.</summary>
    public int JobBatchSize { get; init; } = 100;
}
