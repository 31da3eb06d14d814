namespace CityOps.Flow.Engine.Scheduling.Timers;

/// <summary>A parsed timer, or why the text is not one.</summary>
public sealed record TimerParseResult(TimerSchedule? Schedule, string? Error)
{
    public bool Succeeded => Schedule is not null;
}
