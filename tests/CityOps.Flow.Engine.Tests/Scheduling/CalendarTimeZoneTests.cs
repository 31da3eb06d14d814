using CityOps.Flow.Engine.Scheduling.WorkingTime;
using static CityOps.Flow.Engine.Tests.Scheduling.CalendarFixtures;

namespace CityOps.Flow.Engine.Tests.Scheduling;

public sealed class CalendarTimeZoneTests
{
    [Fact]
    public void Iana_zones_are_installed_on_this_machine()
    {
        Assert.Equal("Asia/Shanghai", NationalDayOffice.TimeZone.Id);
        Assert.Empty(NationalDayOffice.Warnings);
        Assert.Equal(TimeSpan.FromHours(8), NationalDayOffice.TimeZone.GetUtcOffset(At("2026-01-15 12:00 +08:00")));
        Assert.Equal(TimeSpan.FromHours(8), NationalDayOffice.TimeZone.GetUtcOffset(At("2026-07-15 12:00 +08:00")));
    }

    [Fact]
    public void Opening_stays_at_nine_local_across_the_spring_clock_change()
    {
        var due = BerlinOffice.AddWorkingTime(At("2026-03-27 16:00 +01:00"), TimeSpan.FromHours(2));

        AssertLocal("2026-03-30 10:00 +02:00", due);
        Assert.Equal(At("2026-03-30 08:00 +00:00"), due);
    }

    [Fact]
    public void Opening_stays_at_nine_local_across_the_autumn_clock_change()
    {
        var due = BerlinOffice.AddWorkingTime(At("2026-10-23 16:00 +02:00"), TimeSpan.FromHours(2));

        AssertLocal("2026-10-26 10:00 +01:00", due);
        Assert.Equal(TimeSpan.FromHours(16), BerlinOffice.WorkingTimeBetween(At("2026-10-23 09:00 +02:00"), At("2026-10-26 17:00 +01:00")));
    }

    [Fact]
    public void Holiday_in_a_zone_with_daylight_saving_is_skipped()
    {
        AssertLocal("2026-04-06 10:00 +02:00", BerlinOffice.AddWorkingTime(At("2026-04-02 16:00 +02:00"), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Round_the_clock_working_time_is_real_elapsed_time_on_days_with_23_and_25_hours()
    {
        var calendar = BerlinRoundTheClock;

        Assert.Equal(TimeSpan.FromHours(47), calendar.WorkingTimeBetween(At("2026-03-28 00:00 +01:00"), At("2026-03-30 00:00 +02:00")));
        Assert.Equal(TimeSpan.FromHours(49), calendar.WorkingTimeBetween(At("2026-10-24 00:00 +02:00"), At("2026-10-26 00:00 +01:00")));
        AssertLocal("2026-03-30 01:00 +02:00", calendar.AddWorkingTime(At("2026-03-29 00:00 +01:00"), TimeSpan.FromHours(24)));
        AssertLocal("2026-03-29 03:00 +02:00", calendar.AddWorkingTime(At("2026-03-29 01:00 +01:00"), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Zone_missing_from_the_machine_falls_back_to_the_declared_fixed_offset_and_says_so()
    {
        var definition = NationalDayOffice.Definition with { TimeZone = "Asia/Atlantis", FallbackUtcOffset = TimeSpan.FromHours(8) };

        Assert.True(WorkingTimeCalendar.TryCreate(definition, out var calendar, out var problems), string.Join("; ", problems));

        var warning = Assert.Single(calendar.Warnings);
        Assert.Contains("'Asia/Atlantis' is not installed", warning);
        Assert.Contains("+08:00", warning);
        AssertLocal("2026-10-08 11:30 +08:00", calendar.AddWorkingTime(At("2026-09-30 16:00 +08:00"), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void Zone_missing_from_the_machine_without_a_fallback_is_a_problem()
    {
        var definition = NationalDayOffice.Definition with { TimeZone = "Asia/Atlantis", FallbackUtcOffset = null };

        Assert.False(WorkingTimeCalendar.TryCreate(definition, out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal("timeZone", problem.Path);
        Assert.Contains("'Asia/Atlantis' is not installed", problem.Message);
    }

    [Fact]
    public void Fixed_offset_zone_can_be_written_directly()
    {
        var calendar = WorkingTimeCalendar.Create(NationalDayOffice.Definition with { TimeZone = "UTC+08:00" });

        Assert.Empty(calendar.Warnings);
        AssertLocal("2026-10-08 11:30 +08:00", calendar.AddWorkingTime(At("2026-09-30 16:00 +08:00"), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void Wall_clock_time_is_read_in_the_calendar_zone()
    {
        AssertLocal("2026-09-30 16:00 +08:00", NationalDayOffice.FromLocal(new DateTime(2026, 9, 30, 16, 0, 0)));
        AssertLocal("2026-03-29 03:00 +02:00", BerlinOffice.FromLocal(new DateTime(2026, 3, 29, 2, 30, 0)));
        AssertLocal("2026-07-01 09:00 +02:00", BerlinOffice.FromLocal(new DateTime(2026, 7, 1, 9, 0, 0)));
    }
}
