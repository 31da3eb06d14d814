using CityOps.Flow.Engine.Scheduling.WorkingTime;

namespace CityOps.Flow.Cases.Supervision;

/// <summary>
/// Where a running limit stands at an instant: its <see cref="DueState"/> and the working time left before the due
/// time, negative (working time over) once it has passed.
/// </summary>
public sealed record DueStanding(DueState State, TimeSpan WorkingTimeLeft)
{
    /// <summary>The standing at <paramref name="now"/> of a limit running from <paramref name="start"/> to <paramref name="due"/>, in working time on the calendar.</summary>
    public static DueStanding At(WorkingTimeCalendar calendar, DateTimeOffset start, DateTimeOffset due, DateTimeOffset now)
    {
        var state = CaseDeadline.StateAt(calendar, start, due, now);
        var left = now < due ? calendar.WorkingTimeBetween(now, due) : -calendar.WorkingTimeBetween(due, now);
        return new DueStanding(state, left);
    }

    /// <summary>Near due or overdue: what a supervisor watches.</summary>
    public bool NeedsAttention => State is DueState.NearDue or DueState.Overdue;
}
