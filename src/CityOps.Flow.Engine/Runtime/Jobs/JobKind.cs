namespace CityOps.Flow.Engine.Runtime.Jobs;

/// <summary>What a job does when it fires.</summary>
public enum JobKind
{
    /// <summary>A timer start event of a deployed process: starts a new instance.</summary>
    TimerStart,
    /// <summary>A timer owned by a token: intermediate catch, boundary, event-based gateway branch or event sub-process start.</summary>
    Timer,
}
