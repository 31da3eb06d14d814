namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>
/// A calendar as an administrator writes it: the zone, the weekly hours and, year by year, the published holidays
/// and adjusted working days. <see cref="WorkingTimeCalendar.TryCreate"/> checks it and turns it into a calendar.
/// </summary>
public sealed record WorkingTimeCalendarDefinition
{
    public required string Name { get; init; }

    /// <summary>An IANA zone id such as <c>Asia/Shanghai</c>, or a fixed offset such as <c>UTC+08:00</c>.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The offset to use when the machine lacks the zone (no tzdata); daylight saving is then ignored.</summary>
    public TimeSpan? FallbackUtcOffset { get; init; }

    public MissingYearPolicy MissingYears { get; init; } = MissingYearPolicy.AssumeRegularWeeks;

    /// <summary>Working intervals per weekday; a weekday that is absent or empty is a rest day.</summary>
    public required IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> WeeklyHours { get; init; }

    public IReadOnlyList<HolidayYear> Years { get; init; } = [];

    /// <summary>Every defect in the definition, each with its location; empty when the definition is sound.</summary>
    public IReadOnlyList<CalendarProblem> Validate() => CalendarDefinitionRules.Check(this);
}
