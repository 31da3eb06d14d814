namespace CityOps.Flow.Engine.Scheduling.Timers;

/// <summary>
/// timeCycle as an ISO 8601 repeating interval: R3/PT1H fires 1, 2 and 3 hours after activation; R/PT10M every ten
/// minutes without end; R5/2026-01-01T00:00:00Z/PT1H at the start instant and then hourly, five times in all
/// (firings whose time passed before activation are skipped and count as spent).
/// </summary>
public sealed record RepeatingTimer(int? Repetitions, IsoDuration Interval, DateTimeOffset? Start = null) : TimerSchedule
{
    public override TimerDue? FirstDue(DateTimeOffset activatedAt)
    {
        if (Repetitions == 0)
        {
            return null;
        }

        if (Start is not { } start)
        {
            return new TimerDue(Interval.AddTo(activatedAt), Repetitions - 1);
        }

        var due = new TimerDue(start, Repetitions - 1);
        while (due.At < activatedAt)
        {
            if (NextDue(due) is not { } next)
            {
                return null;
            }

            due = next;
        }

        return due;
    }

    public override TimerDue? NextDue(TimerDue fired) => fired.RemainingRepetitions switch
    {
        0 => null,
        null => new TimerDue(Interval.AddTo(fired.At), null),
        var remaining => new TimerDue(Interval.AddTo(fired.At), remaining - 1),
    };
}
