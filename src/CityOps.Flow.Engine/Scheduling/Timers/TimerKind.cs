namespace CityOps.Flow.Engine.Scheduling.Timers;

/// <summary>Which BPMN timer element the definition came from.</summary>
public enum TimerKind
{
    /// <summary>timeDate: fires once at an instant.</summary>
    Date,

    /// <summary>timeDuration: fires once, a duration after activation.</summary>
    Duration,

    /// <summary>timeCycle: fires repeatedly (ISO 8601 repeating interval or cron).</summary>
    Cycle,
}
