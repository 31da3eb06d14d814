using CityOps.Flow.Engine.Scheduling.WorkingTime;
using static CityOps.Flow.Engine.Tests.Scheduling.CalendarFixtures;

namespace CityOps.Flow.Engine.Tests.Scheduling;

public sealed class CalendarYearEndTests
{
    [Fact]
    public void Limit_running_into_a_year_without_holiday_data_counts_it_as_regular_weeks_and_reports_the_gap()
    {
        var start = At("2026-12-31 16:00 +08:00");

        var due = NationalDayOffice.AddWorkingTime(start, TimeSpan.FromHours(4));

        // 1 January 2027 is a Friday: without the 2027 notice it is counted as an ordinary working day.
        AssertLocal("2027-01-01 11:30 +08:00", due);
        Assert.Equal([2027], NationalDayOffice.YearsWithoutHolidayData(start, due));
        Assert.Empty(NationalDayOffice.YearsWithoutHolidayData(start, At("2026-12-31 17:30 +08:00")));
        Assert.False(NationalDayOffice.HasHolidayDataFor(2027));
    }

    [Fact]
    public void Due_time_across_an_unknown_year_is_marked_provisional_with_a_warning()
    {
        var due = NationalDayOffice.DueAfterWorkingDays(At("2026-12-28 10:00 +08:00"), 5);

        AssertLocal("2027-01-04 17:30 +08:00", due.At);
        Assert.True(due.IsProvisional);
        Assert.Equal("Due time assumes regular working weeks in 2027: the calendar has no holiday arrangement for it yet.", due.Warning);
        Assert.False(NationalDayOffice.DueAfterWorkingTime(At("2026-12-28 10:00 +08:00"), TimeSpan.FromHours(8)).IsProvisional);
    }

    [Fact]
    public void Calendar_that_refuses_missing_years_will_not_guess_across_year_end()
    {
        var strict = WorkingTimeCalendar.Create(NationalDayOffice.Definition with { MissingYears = MissingYearPolicy.Refuse });

        var refusal = Assert.Throws<MissingHolidayYearException>(
            () => strict.AddWorkingTime(At("2026-12-31 16:00 +08:00"), TimeSpan.FromHours(4)));

        Assert.Equal(2027, refusal.Year);
        Assert.Contains("no holiday arrangement for 2027", refusal.Message);
        AssertLocal("2026-12-31 17:30 +08:00", strict.AddWorkingTime(At("2026-12-31 16:00 +08:00"), TimeSpan.FromHours(1.5)));
    }

    [Fact]
    public void Working_time_between_instants_in_different_years_adds_the_whole_years_between()
    {
        var from = At("2026-12-31 17:00 +08:00");
        var to = At("2028-01-03 09:30 +08:00");

        var between = NationalDayOffice.WorkingTimeBetween(from, to);

        // 30 min in 2026, all of 2027 as regular weeks (261 weekdays of 7 h), 30 min on Monday 3 January 2028.
        Assert.Equal(TimeSpan.FromMinutes(30) + TimeSpan.FromHours(261 * 7) + TimeSpan.FromMinutes(30), between);
        Assert.Equal(to, NationalDayOffice.AddWorkingTime(from, between));
    }

    [Fact]
    public void Instant_already_in_the_new_local_year_counts_from_the_local_day()
    {
        // 16:30 UTC on 31 December is half past midnight on 1 January in Shanghai.
        AssertLocal("2027-01-04 17:30 +08:00", NationalDayOffice.AddWorkingDays(At("2026-12-31 16:30 +00:00"), 1));
        AssertLocal("2027-01-01 10:00 +08:00", NationalDayOffice.AddWorkingTime(At("2026-12-31 16:30 +00:00"), TimeSpan.FromHours(1)));
        AssertLocal("2027-01-04 17:00 +01:00", BerlinOffice.AddWorkingDays(At("2026-12-31 23:30 +00:00"), 1));
    }
}
