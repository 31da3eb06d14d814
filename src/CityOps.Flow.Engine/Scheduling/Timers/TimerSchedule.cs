namespace CityOps.Flow.Engine.Scheduling.Timers;

/// <summary>A parsed timer: when it first fires after activation, and when it fires again after each firing.</summary>
public abstract record TimerSchedule
{
    /// <summary>The first due instant for a timer activated at <paramref name="activatedAt"/> (null if it never fires).</summary>
    public abstract TimerDue? FirstDue(DateTimeOffset activatedAt);

    /// <summary>The due instant after one that fired; null when the timer is done.</summary>
    public abstract TimerDue? NextDue(TimerDue fired);
}
