namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>A calendar read from JSON, or every problem that kept it from loading.</summary>
public sealed record CalendarLoadResult(WorkingTimeCalendar? Calendar, IReadOnlyList<CalendarProblem> Problems)
{
    public bool Loaded => Calendar is not null;
}
