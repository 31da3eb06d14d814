namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

public sealed partial class WorkingTimeCalendar
{
    /// <summary><see cref="AddWorkingTime"/>, saying which years were counted without holiday data.</summary>
    public DueTime DueAfterWorkingTime(DateTimeOffset from, TimeSpan workingTime)
    {
        var at = AddWorkingTime(from, workingTime);
        return new DueTime(at, YearsWithoutHolidayData(from, at));
    }

    /// <summary><see cref="AddWorkingDays"/>, saying which years were counted without holiday data.</summary>
    public DueTime DueAfterWorkingDays(DateTimeOffset from, int workingDays)
    {
        var at = AddWorkingDays(from, workingDays);
        return new DueTime(at, YearsWithoutHolidayData(from, at));
    }

    /// <summary>The due time of a limit written in working days or in working time, as <see cref="WorkingTimeLimit"/> reads it.</summary>
    public DueTime DueAfter(DateTimeOffset from, WorkingTimeLimit limit) =>
        limit.WorkingDays is { } days ? DueAfterWorkingDays(from, days) : DueAfterWorkingTime(from, limit.WorkingTime!.Value);
}
