using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Engine.Scheduling.WorkingTime;

namespace CityOps.Flow.Cases.Supervision;

/// <summary>
/// Due times and the share of a limit used, on the district's working-time calendar. A limit in days counts whole
/// working days (the day it is set is not counted, the limit falls due at the close of the last one); a limit in
/// hours or minutes counts working time. So <c>P2D</c> is not 48 working hours.
/// </summary>
public static class CaseDeadline
{
    public static DueTime Due(WorkingTimeCalendar calendar, DateTimeOffset from, TimeLimit limit) => limit.Unit switch
    {
        TimeLimitUnit.WorkingDays => calendar.DueAfterWorkingDays(from, limit.Amount),
        TimeLimitUnit.WorkingHours => calendar.DueAfterWorkingTime(from, TimeSpan.FromHours(limit.Amount)),
        _ => calendar.DueAfterWorkingTime(from, TimeSpan.FromMinutes(limit.Amount)),
    };

    /// <summary>What the escalation table needs at <paramref name="now"/> for a case whose limit runs from <paramref name="start"/> to <paramref name="due"/>.</summary>
    public static EscalationRequest EscalationAt(WorkingTimeCalendar calendar, DateTimeOffset start, DateTimeOffset due, DateTimeOffset now,
        int clusterSize, bool publicSafety) =>
        new(calendar.FractionOfLimitUsed(start, due, now), clusterSize, publicSafety);

    /// <summary>The share of a limit after which a case counts as near due (the escalation table's third tier).</summary>
    public const double NearDueFraction = 0.75;

    /// <summary>
    /// The due state at <paramref name="now"/> of a task that carries its limit as a due date and a follow-up date
    /// (the lifecycle sets the follow-up date where <see cref="NearDueFraction"/> of the working time is used): overdue
    /// once the due date has passed, near due once the follow-up date has. The inbox's database query applies the same
    /// rule, so lists, counts and pages agree.
    /// </summary>
    public static DueState TaskStateAt(DateTimeOffset? due, DateTimeOffset? followUp, DateTimeOffset now) =>
        due is not { } dueAt ? DueState.None
        : now >= dueAt ? DueState.Overdue
        : followUp is { } near && now >= near ? DueState.NearDue
        : DueState.OnTime;

    /// <summary>
    /// The due state at <paramref name="now"/> of a limit running from <paramref name="start"/> to <paramref name="due"/>:
    /// overdue once the due time has passed, near due once <see cref="NearDueFraction"/> of its working time is used.
    /// </summary>
    public static DueState StateAt(WorkingTimeCalendar calendar, DateTimeOffset? start, DateTimeOffset? due, DateTimeOffset now)
    {
        if (due is not { } dueAt)
        {
            return DueState.None;
        }

        if (now >= dueAt)
        {
            return DueState.Overdue;
        }

        return start is { } from && calendar.FractionOfLimitUsed(from, dueAt, now) >= NearDueFraction ? DueState.NearDue : DueState.OnTime;
    }
}
