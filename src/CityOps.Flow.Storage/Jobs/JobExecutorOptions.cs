namespace CityOps.Flow.Storage;

/// <summary>How a node's job executor takes and retries due timers.</summary>
public sealed record JobExecutorOptions
{
    /// <summary>The lock owner name; unique per node so a dead node's locks are recognisable and expire.</summary>
    public required string WorkerId { get; init; }

    /// <summary>How long an acquired job stays locked to this node before another may take it.</summary>
    public TimeSpan LockDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How many due jobs one acquisition takes.</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>The longest the executor sleeps before looking again (new timers from other nodes appear within it).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The shortest sleep when jobs are due but locked by others, so an idle node never spins.</summary>
    public TimeSpan MinimumIdle { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Attempts before a failing job is parked and reported.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait after the first failure; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1.</summary>
    public TimeSpan RetryDelay(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
    }
}
