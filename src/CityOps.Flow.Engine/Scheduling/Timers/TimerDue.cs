namespace CityOps.Flow.Engine.Scheduling.Timers;

/// <summary>
/// When a timer fires next, and how many more times it fires after that
/// (0 for a single timer; null when a cycle repeats without end).
/// </summary>
public readonly record struct TimerDue(DateTimeOffset At, int? RemainingRepetitions);
