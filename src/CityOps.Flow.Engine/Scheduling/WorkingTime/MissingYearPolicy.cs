namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>What a calculation does when it reaches a year the calendar holds no holiday arrangement for.</summary>
public enum MissingYearPolicy
{
    /// <summary>
    /// Count the year as regular weeks (weekly hours, no holidays). Due dates stay computable across year end
    /// before the next notice is published; <see cref="WorkingTimeCalendar.YearsWithoutHolidayData"/> reports the gap.
    /// </summary>
    AssumeRegularWeeks,

    /// <summary>Throw <see cref="MissingHolidayYearException"/> rather than give a date that may be wrong.</summary>
    Refuse,
}
