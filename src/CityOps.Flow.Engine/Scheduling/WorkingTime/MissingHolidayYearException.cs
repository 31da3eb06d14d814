namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>A calculation reached a year whose holidays the calendar does not hold, under <see cref="MissingYearPolicy.Refuse"/>.</summary>
public sealed class MissingHolidayYearException(string calendarName, int year)
    : InvalidOperationException($"Calendar '{calendarName}' has no holiday arrangement for {year}; add the year's holidays and adjusted working days.")
{
    public string CalendarName { get; } = calendarName;

    public int Year { get; } = year;
}
