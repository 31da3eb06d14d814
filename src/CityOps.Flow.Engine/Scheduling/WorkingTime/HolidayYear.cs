namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>
/// One year's published holiday arrangement: the holidays and the adjusted working days that bridge them.
/// A year listed here counts as known even when both lists are empty.
/// </summary>
public sealed record HolidayYear
{
    public required int Year { get; init; }

    /// <summary>Where the dates come from (e.g. the State Council notice), for the administrator who checks them.</summary>
    public string? Source { get; init; }

    public IReadOnlyList<PublicHoliday> Holidays { get; init; } = [];

    public IReadOnlyList<AdjustedWorkingDay> AdjustedWorkingDays { get; init; } = [];
}
