using CityOps.Flow.Engine.Scheduling.Timers;

namespace CityOps.Flow.Engine.Tests.Bpmn.Timers;

public sealed class TimerScheduleTests
{
    private static readonly DateTimeOffset Activated = new(2026, 1, 30, 10, 0, 0, TimeSpan.Zero);

    private static TimerSchedule Parse(TimerKind kind, string text)
    {
        var result = TimerScheduleParser.Parse(kind, text);
        Assert.True(result.Succeeded, result.Error);
        return result.Schedule!;
    }

    [Theory]
    [InlineData("PT15M", 0, 0, 15, 0)]
    [InlineData("P1DT2H", 1, 2, 0, 0)]
    [InlineData("PT0.1S", 0, 0, 0, 100)]
    [InlineData("P2W", 14, 0, 0, 0)]
    [InlineData("PT36H", 1, 12, 0, 0)]
    public void Durations_fire_once_after_activation(string text, int days, int hours, int minutes, int milliseconds)
    {
        var due = Parse(TimerKind.Duration, text).FirstDue(Activated)!.Value;

        Assert.Equal(Activated + new TimeSpan(days, hours, minutes, 0, milliseconds), due.At);
        Assert.Equal(0, due.RemainingRepetitions);
        Assert.Null(Parse(TimerKind.Duration, text).NextDue(due));
    }

    [Fact]
    public void Month_durations_follow_the_calendar()
    {
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 10, 0, 0, TimeSpan.Zero), Parse(TimerKind.Duration, "P1M").FirstDue(Activated)!.Value.At);
    }

    [Theory]
    [InlineData("2026-03-01T09:00:00+08:00")]
    [InlineData("2026-03-01T01:00:00Z")]
    public void Dates_fire_at_their_instant(string text)
    {
        var due = Parse(TimerKind.Date, text).FirstDue(Activated)!.Value;

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero), due.At.ToUniversalTime());
        Assert.Equal(0, due.RemainingRepetitions);
    }

    [Fact]
    public void Counted_cycle_fires_its_number_of_times_then_stops()
    {
        var cycle = Parse(TimerKind.Cycle, "R3/PT1H");

        var first = cycle.FirstDue(Activated)!.Value;
        var second = cycle.NextDue(first)!.Value;
        var third = cycle.NextDue(second)!.Value;

        Assert.Equal([Activated.AddHours(1), Activated.AddHours(2), Activated.AddHours(3)], new[] { first.At, second.At, third.At });
        Assert.Equal([2, 1, 0], new int?[] { first.RemainingRepetitions, second.RemainingRepetitions, third.RemainingRepetitions });
        Assert.Null(cycle.NextDue(third));
    }

    [Fact]
    public void Unbounded_cycle_keeps_firing()
    {
        var cycle = Parse(TimerKind.Cycle, "R/PT10M");

        var due = cycle.FirstDue(Activated)!.Value;
        for (var i = 0; i < 100; i++)
        {
            due = cycle.NextDue(due)!.Value;
        }

        Assert.Equal(Activated.AddMinutes(1010), due.At);
        Assert.Null(due.RemainingRepetitions);
    }

    [Fact]
    public void Cycle_with_a_start_fires_at_the_start_then_each_interval()
    {
        var cycle = Parse(TimerKind.Cycle, "R5/2026-02-01T00:00:00Z/PT1H");

        var first = cycle.FirstDue(Activated)!.Value;

        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), first.At);
        Assert.Equal(4, first.RemainingRepetitions);
        Assert.Equal(first.At.AddHours(1), cycle.NextDue(first)!.Value.At);
    }

    [Fact]
    public void Cycle_whose_start_has_passed_skips_the_missed_firings()
    {
        var cycle = Parse(TimerKind.Cycle, "R5/2026-01-30T07:30:00Z/PT1H");

        var first = cycle.FirstDue(Activated)!.Value;

        Assert.Equal(new DateTimeOffset(2026, 1, 30, 10, 30, 0, TimeSpan.Zero), first.At);
        Assert.Equal(1, first.RemainingRepetitions);
        Assert.Null(Parse(TimerKind.Cycle, "R2/2026-01-29T00:00:00Z/PT1H").FirstDue(Activated));
    }

    [Theory]
    [InlineData("0 0 9 * * MON-FRI", "2026-02-02T09:00:00Z")]
    [InlineData("0 */15 * * * *", "2026-01-30T10:15:00Z")]
    [InlineData("0 30 10 * * *", "2026-01-30T10:30:00Z")]
    [InlineData("@daily", "2026-01-31T00:00:00Z")]
    [InlineData("0 0 12 1 * ?", "2026-02-01T12:00:00Z")]
    [InlineData("30 8 * * *", "2026-01-31T08:30:00Z")]
    public void Cron_cycles_fire_at_the_next_matching_second(string cron, string expected)
    {
        var due = Parse(TimerKind.Cycle, cron).FirstDue(Activated)!.Value;

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due.At);
        Assert.Null(due.RemainingRepetitions);
    }

    [Fact]
    public void Cron_next_firing_follows_the_previous_one()
    {
        var cycle = Parse(TimerKind.Cycle, "0 0 9 * * MON-FRI");

        var friday = cycle.NextDue(new TimerDue(new DateTimeOffset(2026, 2, 6, 9, 0, 0, TimeSpan.Zero), null))!.Value;

        Assert.Equal(new DateTimeOffset(2026, 2, 9, 9, 0, 0, TimeSpan.Zero), friday.At);
    }

    [Theory]
    [InlineData(TimerKind.Duration, "15 minutes", "not an ISO 8601 duration")]
    [InlineData(TimerKind.Duration, "P", "not an ISO 8601 duration")]
    [InlineData(TimerKind.Duration, "PT", "not an ISO 8601 duration")]
    [InlineData(TimerKind.Date, "2026-03-01T09:00:00", "with an offset")]
    [InlineData(TimerKind.Date, "tomorrow", "with an offset")]
    [InlineData(TimerKind.Cycle, "R3/PT0S", "is zero")]
    [InlineData(TimerKind.Cycle, "Rx/PT1H", "not a repetition count")]
    [InlineData(TimerKind.Cycle, "R3/PT1H/PT2H", "not an ISO 8601 repeating interval")]
    [InlineData(TimerKind.Cycle, "0 0 9 L * ?", "L, W or #")]
    [InlineData(TimerKind.Cycle, "0 0 25 * * *", "outside 0-23")]
    [InlineData(TimerKind.Cycle, "every hour", "6 fields")]
    [InlineData(TimerKind.Cycle, "", "empty")]
    public void Invalid_timer_texts_are_refused_with_a_reason(TimerKind kind, string text, string reason)
    {
        var result = TimerScheduleParser.Parse(kind, text);

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Error);
    }

    [Theory]
    [InlineData("PT15M")]
    [InlineData("P1DT2H")]
    [InlineData("PT0.1S")]
    [InlineData("P1Y2M3D")]
    public void Durations_print_back_as_iso_8601(string text)
    {
        Assert.Equal(text, IsoDuration.Parse(text)!.Value.ToString());
    }
}
