using CityOps.Flow.Engine.Scheduling.Timers;

namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>
/// timeDate, timeDuration or timeCycle. A literal is parsed at read time into <see cref="Schedule"/>;
/// an expression (<c>=...</c>) is evaluated when the timer is created, and its result parsed the same way.
/// </summary>
public sealed record TimerEventDefinition : EventDefinition
{
    public required TimerKind Kind { get; init; }

    public required BpmnValue Value { get; init; }

    /// <summary>The parsed literal; null when <see cref="Value"/> is an expression.</summary>
    public TimerSchedule? Schedule { get; init; }
}
