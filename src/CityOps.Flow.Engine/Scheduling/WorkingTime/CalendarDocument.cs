namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

// The JSON shape of a calendar file, kept apart from the domain records so that a malformed file yields
// located problems instead of half-built objects.
internal sealed record CalendarDocument(
    string? Name,
    string? TimeZone,
    string? FallbackUtcOffset,
    string? MissingYears,
    Dictionary<string, List<string>>? WeeklyHours,
    List<HolidayYearDocument>? Years);

internal sealed record HolidayYearDocument(
    int? Year,
    string? Source,
    List<HolidayDocument>? Holidays,
    List<AdjustedWorkingDayDocument>? AdjustedWorkingDays);

internal sealed record HolidayDocument(string? Name, string? Date, string? From, string? To);

internal sealed record AdjustedWorkingDayDocument(string? Name, string? Date, string? FollowsWeekday);
