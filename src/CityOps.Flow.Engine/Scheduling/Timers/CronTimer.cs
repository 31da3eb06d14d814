namespace CityOps.Flow.Engine.Scheduling.Timers;

/// <summary>timeCycle as a cron expression (evaluated in UTC); repeats without end.</summary>
public sealed record CronTimer(CronExpression Cron) : TimerSchedule
{
    public override TimerDue? FirstDue(DateTimeOffset activatedAt) =>
        Cron.NextAfter(activatedAt) is { } at ? new TimerDue(at, null) : null;

    public override TimerDue? NextDue(TimerDue fired) =>
        Cron.NextAfter(fired.At) is { } at ? new TimerDue(at, null) : null;
}
