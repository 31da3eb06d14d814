using CityOps.Flow.Engine.Scheduling.Timers;

namespace CityOps.Flow.Engine.Runtime.Jobs;

/// <summary>
/// A durable timer. Workers lock it (owner + expiry) while they run it; a job whose lock expired is acquired again,
/// and running it a second time changes nothing because the instance no longer holds it.
/// </summary>
public sealed record JobRecord
{
    public required Guid Id { get; init; }
    public required JobKind Kind { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    /// <summary>The element whose timer this is (boundary, catch event, start event).</summary>
    public required string ElementId { get; init; }
    /// <summary>Null for a timer start event, which belongs to a process version rather than an instance.</summary>
    public Guid? InstanceId { get; init; }
    /// <summary>The token that waits for this timer (for a boundary: the token of the activity it is attached to).</summary>
    public long? TokenId { get; init; }
    public string? ProcessId { get; init; }
    public int? ProcessVersion { get; init; }
    /// <summary>Which kind of timer definition <see cref="TimerText"/> is.</summary>
    public required TimerKind TimerKind { get; init; }
    /// <summary>The evaluated timer definition, e.g. <c>R3/PT1H</c>, kept so the next cycle can be computed.</summary>
    public required string TimerText { get; init; }
    /// <summary>How many more times a cycle fires after this job (0 for a single timer, null without end).</summary>
    public int? RemainingRepetitions { get; init; }
    public string? LockOwner { get; init; }
    public DateTimeOffset? LockExpiresAt { get; init; }
}
