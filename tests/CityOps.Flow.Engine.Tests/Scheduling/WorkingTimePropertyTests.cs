using CityOps.Flow.Engine.Scheduling.WorkingTime;
using static CityOps.Flow.Engine.Tests.Scheduling.CalendarFixtures;

namespace CityOps.Flow.Engine.Tests.Scheduling;

public sealed class WorkingTimePropertyTests
{
    public static TheoryData<string> Calendars => ["national-day-office.json", "berlin-office.json", "berlin-round-the-clock.json"];

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Working_time_between_an_instant_and_that_instant_plus_d_is_d(string file)
    {
        var calendar = Load(file);
        var random = new Random(20261001);
        for (var i = 0; i < 2_000; i++)
        {
            var from = RandomInstant(random);
            var duration = TimeSpan.FromTicks(random.NextInt64(1, TimeSpan.FromHours(400).Ticks));

            var due = calendar.AddWorkingTime(from, duration);

            Assert.True(due > from, $"{from:O} + {duration} gave {due:O}");
            Assert.Equal(duration, calendar.WorkingTimeBetween(from, due));
            Assert.True(calendar.IsWorkingTime(due - TimeSpan.FromTicks(1)), $"{due:O} does not end working time");
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Adding_the_working_time_between_two_instants_reaches_the_second_or_the_close_before_it(string file)
    {
        var calendar = Load(file);
        var random = new Random(20260930);
        for (var i = 0; i < 2_000; i++)
        {
            var (from, to) = Ordered(RandomInstant(random), RandomInstant(random));

            var between = calendar.WorkingTimeBetween(from, to);
            var reached = calendar.AddWorkingTime(from, between);

            Assert.True(reached <= to);
            Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(reached, to));
            Assert.Equal(-between, calendar.WorkingTimeBetween(to, from));
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Working_time_between_agrees_with_a_day_by_day_count(string file)
    {
        var calendar = Load(file);
        var random = new Random(20260101);
        for (var i = 0; i < 300; i++)
        {
            var from = RandomInstant(random);
            var to = from + TimeSpan.FromTicks(random.NextInt64(0, TimeSpan.FromDays(40).Ticks));

            Assert.Equal(DayByDay(calendar, from, to), calendar.WorkingTimeBetween(from, to));
        }
    }

    private static DateTimeOffset RandomInstant(Random random)
    {
        var start = At("2026-01-01 00:00 +00:00");
        return start + TimeSpan.FromTicks(random.NextInt64(0, TimeSpan.FromDays(700).Ticks));
    }

    private static (DateTimeOffset, DateTimeOffset) Ordered(DateTimeOffset a, DateTimeOffset b) => a <= b ? (a, b) : (b, a);

    // An independent count: every local day's intervals turned into instants and clipped to the span.
    private static TimeSpan DayByDay(WorkingTimeCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        for (var day = calendar.LocalDate(from).AddDays(-1); day <= calendar.LocalDate(to); day = day.AddDays(1))
        {
            foreach (var interval in calendar.HoursOn(day))
            {
                var start = ToInstant(calendar.TimeZone, day, interval.Start);
                var end = ToInstant(calendar.TimeZone, day, interval.End);
                var clippedStart = start < from ? from : start;
                var clippedEnd = end > to ? to : end;
                if (clippedEnd > clippedStart)
                {
                    total += clippedEnd - clippedStart;
                }
            }
        }

        return total;
    }

    private static DateTimeOffset ToInstant(TimeZoneInfo zone, DateOnly day, TimeSpan clock)
    {
        var local = day.ToDateTime(TimeOnly.MinValue) + clock;
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
