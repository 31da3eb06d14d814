using CityOps.Flow.Engine.Scheduling.WorkingTime;

namespace CityOps.Flow.Cases.Reporting;

/// <summary>How long a department had a case, as reporting counts it: working time from first dispatch to the last completion.</summary>
public static class HandlingTimes
{
    /// <summary>
    /// The working time between the two instants in whole seconds, so a figure stored per case and one computed again
    /// from the same instants are the same number.
    /// </summary>
    public static TimeSpan InWorkingTime(WorkingTimeCalendar calendar, DateTimeOffset dispatchedAt, DateTimeOffset completedAt) =>
        completedAt <= dispatchedAt
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Floor(calendar.WorkingTimeBetween(dispatchedAt, completedAt).TotalSeconds));
}
