using CityOps.Flow.Engine.Scheduling.WorkingTime;
using static CityOps.Flow.Engine.Tests.Scheduling.CalendarFixtures;

namespace CityOps.Flow.Engine.Tests.Scheduling;

// N working days end at the close of the Nth working day after the day the limit was set; that day never counts.
public sealed class WorkingDayTests
{
    private static readonly WorkingTimeCalendar Office = NationalDayOffice;

    [Fact]
    public void Limit_set_during_working_hours_ends_at_closing_of_the_nth_following_working_day()
    {
        AssertLocal("2026-09-11 17:30 +08:00", Office.AddWorkingDays(At("2026-09-08 10:00 +08:00"), 3));
    }

    [Theory]
    [InlineData("2026-09-08 07:00 +08:00")] // before opening
    [InlineData("2026-09-08 12:30 +08:00")] // during lunch
    [InlineData("2026-09-08 21:00 +08:00")] // after closing
    public void Limit_set_outside_working_hours_of_a_working_day_also_starts_counting_the_next_day(string setAt)
    {
        AssertLocal("2026-09-11 17:30 +08:00", Office.AddWorkingDays(At(setAt), 3));
    }

    [Fact]
    public void Limit_set_on_a_holiday_counts_from_the_first_working_day_after_it()
    {
        AssertLocal("2026-10-08 17:30 +08:00", Office.AddWorkingDays(At("2026-10-03 10:00 +08:00"), 1));
    }

    [Fact]
    public void Working_days_skip_the_national_day_holiday_and_include_the_adjusted_saturday()
    {
        AssertLocal("2026-10-10 17:30 +08:00", Office.AddWorkingDays(At("2026-09-30 10:00 +08:00"), 3));
    }

    [Fact]
    public void Fifteen_working_days_across_the_holidays()
    {
        // Sep 17 18 20(adjusted) 21 22 23 24 28 29 30 | Oct 8 9 10(adjusted) 12 13
        AssertLocal("2026-10-13 17:30 +08:00", Office.AddWorkingDays(At("2026-09-16 15:00 +08:00"), 15));
    }

    [Fact]
    public void Zero_working_days_leave_the_instant_unchanged()
    {
        Assert.Equal(At("2026-10-03 10:00 +08:00"), Office.AddWorkingDays(At("2026-10-03 10:00 +08:00"), 0));
    }

    [Fact]
    public void Limit_given_in_utc_counts_from_the_local_day()
    {
        // 2026-09-08 20:00 UTC is already Wednesday 04:00 in Shanghai, so Wednesday does not count.
        AssertLocal("2026-09-14 17:30 +08:00", Office.AddWorkingDays(At("2026-09-08 20:00 +00:00"), 3));
    }
}
