namespace CityOps.Flow.Engine.Scheduling.Timers;

/// <summary>timeDuration: fires once, <see cref="Duration"/> after activation.</summary>
public sealed record TimerAfterDuration(IsoDuration Duration) : TimerSchedule
{
    public override TimerDue? FirstDue(DateTimeOffset activatedAt) => new TimerDue(Duration.AddTo(activatedAt), 0);

    public override TimerDue? NextDue(TimerDue fired) => null;
}
