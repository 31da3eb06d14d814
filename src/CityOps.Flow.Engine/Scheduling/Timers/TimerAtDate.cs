namespace CityOps.Flow.Engine.Scheduling.Timers;

/// <summary>timeDate: fires once at <see cref="At"/> (at once if that is already past).</summary>
public sealed record TimerAtDate(DateTimeOffset At) : TimerSchedule
{
    public override TimerDue? FirstDue(DateTimeOffset activatedAt) => new TimerDue(At, 0);

    public override TimerDue? NextDue(TimerDue fired) => null;
}
