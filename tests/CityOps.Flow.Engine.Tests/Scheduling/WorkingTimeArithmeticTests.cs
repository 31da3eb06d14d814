using CityOps.Flow.Engine.Scheduling.WorkingTime;
using static CityOps.Flow.Engine.Tests.Scheduling.CalendarFixtures;

namespace CityOps.Flow.Engine.Tests.Scheduling;

public sealed class WorkingTimeArithmeticTests
{
    private static readonly WorkingTimeCalendar Office = NationalDayOffice;

    [Fact]
    public void Four_working_hours_set_at_16_00_before_national_day_fall_due_at_11_30_on_the_first_day_after_it()
    {
        var due = Office.AddWorkingTime(At("2026-09-30 16:00 +08:00"), TimeSpan.FromHours(4));

        AssertLocal("2026-10-08 11:30 +08:00", due);
    }

    [Fact]
    public void Due_date_is_shown_in_the_calendar_zone_whatever_offset_the_start_was_given_in()
    {
        var due = Office.AddWorkingTime(At("2026-09-30 08:00 +00:00"), TimeSpan.FromHours(4));

        AssertLocal("2026-10-08 11:30 +08:00", due);
    }

    [Fact]
    public void Adjusted_saturday_counts_as_a_working_day()
    {
        var due = Office.AddWorkingTime(At("2026-10-09 16:00 +08:00"), TimeSpan.FromHours(4));

        AssertLocal("2026-10-10 11:30 +08:00", due);
        Assert.True(Office.IsWorkingTime(At("2026-10-10 10:00 +08:00")));
        Assert.True(Office.IsWorkingDay(new DateOnly(2026, 10, 10)));
    }

    [Fact]
    public void Adjusted_sunday_before_mid_autumn_is_worked_and_the_festival_is_not()
    {
        var due = Office.AddWorkingTime(At("2026-09-18 17:00 +08:00"), TimeSpan.FromHours(1));

        AssertLocal("2026-09-20 09:30 +08:00", due);
        Assert.Equal("中秋节", Office.HolidayOn(new DateOnly(2026, 9, 25)));
        Assert.False(Office.IsWorkingDay(new DateOnly(2026, 9, 25)));
    }

    [Fact]
    public void Ordinary_weekend_is_skipped()
    {
        var due = Office.AddWorkingTime(At("2026-09-11 17:00 +08:00"), TimeSpan.FromHours(1));

        AssertLocal("2026-09-14 09:30 +08:00", due);
    }

    [Fact]
    public void Lunch_break_is_not_working_time()
    {
        var due = Office.AddWorkingTime(At("2026-09-08 11:00 +08:00"), TimeSpan.FromHours(2));

        AssertLocal("2026-09-08 14:30 +08:00", due);
    }

    [Theory]
    [InlineData("2026-09-08 12:30 +08:00", "2026-09-08 14:30 +08:00")] // during lunch
    [InlineData("2026-09-08 07:00 +08:00", "2026-09-08 10:00 +08:00")] // before opening
    [InlineData("2026-09-08 19:00 +08:00", "2026-09-09 10:00 +08:00")] // after closing
    [InlineData("2026-10-03 10:00 +08:00", "2026-10-08 10:00 +08:00")] // on a holiday
    [InlineData("2026-09-13 10:00 +08:00", "2026-09-14 10:00 +08:00")] // on a Sunday
    public void Limit_set_outside_working_time_starts_counting_at_the_next_opening(string setAt, string expected)
    {
        AssertLocal(expected, Office.AddWorkingTime(At(setAt), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Limit_that_fills_the_day_exactly_falls_due_at_closing_not_the_next_morning()
    {
        AssertLocal("2026-09-08 17:30 +08:00", Office.AddWorkingTime(At("2026-09-08 09:00 +08:00"), TimeSpan.FromHours(7)));
        AssertLocal("2026-09-08 12:00 +08:00", Office.AddWorkingTime(At("2026-09-08 09:00 +08:00"), TimeSpan.FromHours(3)));
    }

    [Theory]
    [InlineData("2026-09-08 12:30 +08:00")]
    [InlineData("2026-10-03 10:00 +08:00")]
    [InlineData("2026-09-08 10:00 +08:00")]
    public void Zero_working_time_leaves_the_instant_unchanged(string setAt)
    {
        Assert.Equal(At(setAt), Office.AddWorkingTime(At(setAt), TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, Office.WorkingTimeBetween(At(setAt), At(setAt)));
    }

    [Fact]
    public void Negative_working_time_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Office.AddWorkingTime(At("2026-09-08 10:00 +08:00"), TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void Seconds_are_kept()
    {
        var due = Office.AddWorkingTime(At("2026-09-08 11:59:30 +08:00"), TimeSpan.FromMinutes(1));

        AssertLocal("2026-09-08 13:30:30 +08:00", due);
    }

    [Fact]
    public void Working_time_between_counts_only_working_intervals()
    {
        Assert.Equal(TimeSpan.FromHours(4), Office.WorkingTimeBetween(At("2026-09-30 16:00 +08:00"), At("2026-10-08 11:30 +08:00")));
        Assert.Equal(TimeSpan.FromHours(7), Office.WorkingTimeBetween(At("2026-09-08 00:00 +08:00"), At("2026-09-09 00:00 +08:00")));
        Assert.Equal(TimeSpan.FromMinutes(30), Office.WorkingTimeBetween(At("2026-09-08 11:30 +08:00"), At("2026-09-08 13:30 +08:00")));
        Assert.Equal(TimeSpan.FromHours(-4), Office.WorkingTimeBetween(At("2026-10-08 11:30 +08:00"), At("2026-09-30 16:00 +08:00")));
    }

    [Theory]
    [InlineData("2026-09-08 09:00 +08:00", true)]
    [InlineData("2026-09-08 11:59 +08:00", true)]
    [InlineData("2026-09-08 12:00 +08:00", false)]
    [InlineData("2026-09-08 12:45 +08:00", false)]
    [InlineData("2026-09-08 13:30 +08:00", true)]
    [InlineData("2026-09-08 17:30 +08:00", false)]
    [InlineData("2026-09-08 08:59 +08:00", false)]
    [InlineData("2026-09-12 10:00 +08:00", false)]
    [InlineData("2026-10-05 10:00 +08:00", false)]
    public void Working_time_is_the_opening_hours_of_working_days(string instant, bool working)
    {
        Assert.Equal(working, Office.IsWorkingTime(At(instant)));
    }

    [Theory]
    [InlineData("2026-09-08 10:00 +08:00", "2026-09-08 10:00 +08:00")]
    [InlineData("2026-09-08 12:10 +08:00", "2026-09-08 13:30 +08:00")]
    [InlineData("2026-09-08 06:00 +08:00", "2026-09-08 09:00 +08:00")]
    [InlineData("2026-09-30 17:30 +08:00", "2026-10-08 09:00 +08:00")]
    [InlineData("2026-10-09 18:00 +08:00", "2026-10-10 09:00 +08:00")]
    public void Next_working_instant_is_the_instant_itself_or_the_next_opening(string instant, string expected)
    {
        AssertLocal(expected, Office.NextWorkingInstant(At(instant)));
    }

    [Fact]
    public void Fraction_of_a_limit_used_grows_only_in_working_time_and_passes_one_when_overdue()
    {
        var start = At("2026-09-30 16:00 +08:00");
        var due = At("2026-10-08 11:30 +08:00");

        Assert.Equal(0d, Office.FractionOfLimitUsed(start, due, start));
        Assert.Equal(0.375, Office.FractionOfLimitUsed(start, due, At("2026-10-04 12:00 +08:00")));
        Assert.Equal(0.375, Office.FractionOfLimitUsed(start, due, At("2026-10-08 09:00 +08:00")));
        Assert.Equal(1d, Office.FractionOfLimitUsed(start, due, due));
        Assert.Equal(1.25, Office.FractionOfLimitUsed(start, due, At("2026-10-08 14:00 +08:00")));
        Assert.Equal(0.5, Office.FractionOfLimitUsed(start, TimeSpan.FromHours(4), At("2026-10-08 09:30 +08:00")));
    }

    [Fact]
    public void Limit_with_no_working_time_in_it_is_unused_until_due_and_used_up_after()
    {
        var start = At("2026-10-03 10:00 +08:00");
        var due = At("2026-10-04 10:00 +08:00");

        Assert.Equal(0d, Office.FractionOfLimitUsed(start, due, At("2026-10-03 12:00 +08:00")));
        Assert.Equal(1d, Office.FractionOfLimitUsed(start, due, due));
    }
}
