using CityOps.Flow.Engine.Scheduling.WorkingTime;
using static CityOps.Flow.Engine.Tests.Scheduling.CalendarFixtures;

namespace CityOps.Flow.Engine.Tests.Scheduling;

public sealed class ShippedCalendarTests
{
    [Fact]
    public void Demo_district_calendar_loads_and_matches_the_2026_holiday_notice()
    {
        var result = WorkingTimeCalendarJson.Read(File.ReadAllText(Path.Combine(RepositoryRoot, "workflows", "calendars", "demo-district.json")));
        Assert.True(result.Loaded, string.Join("; ", result.Problems));
        var calendar = result.Calendar!;
        var year = Assert.Single(calendar.Definition.Years);
        var days = Enumerable.Range(0, 365).Select(offset => new DateOnly(2026, 1, 1).AddDays(offset)).ToList();

        Assert.Equal(2026, year.Year);
        Assert.Equal(
            ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"],
            year.Holidays.Select(holiday => holiday.Name));
        Assert.Equal([3, 9, 3, 5, 3, 3, 7], year.Holidays.Select(holiday => holiday.To.DayNumber - holiday.From.DayNumber + 1));
        Assert.All(year.AdjustedWorkingDays, day => Assert.True(day.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.Equal(6, year.AdjustedWorkingDays.Count);
        Assert.Equal(248, days.Count(calendar.IsWorkingDay));
        AssertLocal("2026-10-08 11:30 +08:00", calendar.AddWorkingTime(At("2026-09-30 16:00 +08:00"), TimeSpan.FromHours(4)));
        AssertLocal("2026-02-24 10:00 +08:00", calendar.AddWorkingTime(At("2026-02-14 17:00 +08:00"), TimeSpan.FromHours(1.5)));
    }
}
