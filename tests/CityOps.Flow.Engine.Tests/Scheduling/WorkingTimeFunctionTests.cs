using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Scheduling;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using static CityOps.Flow.Engine.Tests.Scheduling.CalendarFixtures;

namespace CityOps.Flow.Engine.Tests.Scheduling;

public sealed class WorkingTimeFunctionTests
{
    private static FeelEngine EngineAt(string now, WorkingTimeCalendar? calendar = null)
    {
        var registry = new FeelFunctionRegistry();
        WorkingTimeFunctions.Register(registry, calendar ?? NationalDayOffice);
        return new FeelEngine(new AdjustableClock(At(now), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")), registry);
    }

    private static FeelResult Run(FeelEngine engine, string expression, params (string Name, object? Value)[] variables)
    {
        var parsed = engine.ParseExpression(expression);
        Assert.True(parsed.Success, $"'{expression}' did not parse: {string.Join("; ", parsed.Errors)}");
        return engine.Evaluate(parsed.Expression!, variables.ToDictionary(v => v.Name, v => v.Value));
    }

    private static object? Eval(FeelEngine engine, string expression, params (string Name, object? Value)[] variables)
    {
        var result = Run(engine, expression, variables);
        Assert.True(result.Warnings.Count == 0, string.Join("; ", result.Warnings));
        return result.Value;
    }

    [Fact]
    public void Timer_written_in_working_hours_falls_due_after_the_national_day_holiday()
    {
        var engine = EngineAt("2026-09-30 16:00 +08:00");

        var due = Assert.IsType<FeelDateTime>(Eval(engine, "business time(now(), duration(\"PT4H\"))"));

        AssertLocal("2026-10-08 11:30 +08:00", due.Instant!.Value);
        Assert.Equal("2026-10-08T11:30:00+08:00", Eval(engine, "string(business time(now(), duration(\"PT4H\")))"));
    }

    [Fact]
    public void Date_time_without_offset_is_read_in_the_calendar_zone_and_zoned_ones_at_their_instant()
    {
        var engine = EngineAt("2026-09-01 10:00 +08:00");

        Assert.Equal(true, Eval(engine, """
            business time(date and time("2026-09-30T16:00:00"), duration("PT4H")) = date and time("2026-10-08T11:30:00+08:00")
            """));
        Assert.Equal(true, Eval(engine, """
            business time(date and time("2026-09-30T08:00:00@Etc/UTC"), duration("PT4H")) = date and time("2026-10-08T11:30:00+08:00")
            """));
    }

    [Fact]
    public void Working_days_end_at_closing_of_the_nth_working_day_and_include_adjusted_saturdays()
    {
        var engine = EngineAt("2026-09-30 10:00 +08:00");

        Assert.Equal("2026-10-10T17:30:00+08:00", Eval(engine, "string(business days(now(), 3))"));
        Assert.Equal("2026-10-08T17:30:00+08:00", Eval(engine, "string(business days(date(\"2026-10-03\"), 1))"));
    }

    [Theory]
    [InlineData("P2D", "2026-10-09T17:30:00+08:00")]
    [InlineData("PT4H", "2026-10-08T11:30:00+08:00")]
    [InlineData("PT15M", "2026-09-30T16:15:00+08:00")]
    public void Routing_table_limit_text_is_counted_in_its_own_working_unit(string timeLimit, string due)
    {
        var engine = EngineAt("2026-09-30 16:00 +08:00");

        Assert.Equal(due, Eval(engine, "string(business due(now(), timeLimit))", ("timeLimit", timeLimit)));
    }

    [Fact]
    public void Limit_given_as_a_duration_value_is_refused_because_its_unit_is_lost()
    {
        var result = Run(EngineAt("2026-09-30 16:00 +08:00"), "business due(now(), duration(\"P2D\"))");

        Assert.Null(result.Value);
        Assert.Contains(result.Warnings, warning => warning.Contains("limit must be the limit as text"));
    }

    [Fact]
    public void Working_time_between_two_instants_is_a_days_and_time_duration()
    {
        var engine = EngineAt("2026-10-08 11:30 +08:00");

        Assert.Equal(TimeSpan.FromHours(4), Eval(engine, "business duration(date and time(\"2026-09-30T16:00:00+08:00\"), now())"));
        Assert.Equal(true, Eval(engine, "business duration(start, now()) = duration(\"PT4H\")", ("start", At("2026-09-30 16:00 +08:00"))));
    }

    [Theory]
    [InlineData("2026-09-30 16:30 +08:00", "green")]
    [InlineData("2026-10-05 10:00 +08:00", "green")]
    [InlineData("2026-10-08 09:30 +08:00", "yellow")]
    [InlineData("2026-10-08 11:00 +08:00", "red")]
    [InlineData("2026-10-08 11:30 +08:00", "overdue")]
    public void Escalation_tiers_are_written_as_fractions_of_the_limit(string now, string tier)
    {
        var engine = EngineAt(now);
        const string tiers = """
            if business fraction(start, due, now()) >= 1 then "overdue"
            else if business fraction(start, due, now()) >= 0.75 then "red"
            else if business fraction(start, due, now()) >= 0.5 then "yellow"
            else "green"
            """;

        Assert.Equal(tier, Eval(engine, tiers, ("start", At("2026-09-30 16:00 +08:00")), ("due", At("2026-10-08 11:30 +08:00"))));
    }

    [Fact]
    public void Fraction_accepts_the_limit_as_a_duration()
    {
        var engine = EngineAt("2026-10-08 10:00 +08:00");

        Assert.Equal(0.625m, Eval(engine, "business fraction(start, duration(\"PT4H\"), now())", ("start", At("2026-09-30 16:00 +08:00"))));
    }

    [Fact]
    public void Working_time_checks_and_next_opening_are_available()
    {
        var engine = EngineAt("2026-10-09 18:00 +08:00");

        Assert.Equal(false, Eval(engine, "is business time(now())"));
        Assert.Equal("2026-10-10T09:00:00+08:00", Eval(engine, "string(next business time(now()))"));
    }

    [Fact]
    public void Functions_take_named_arguments()
    {
        var engine = EngineAt("2026-09-08 11:00 +08:00");

        Assert.Equal("2026-09-08T14:30:00+08:00", Eval(engine, "string(business time(duration: duration(\"PT2H\"), from: now()))"));
    }

    [Fact]
    public void Wrong_argument_gives_null_with_a_warning_that_says_what_was_expected()
    {
        var result = Run(EngineAt("2026-09-08 11:00 +08:00"), "business time(now(), 4)");

        Assert.Null(result.Value);
        Assert.Contains(result.Warnings, warning => warning.Contains("duration must be a days and time duration"));
    }

    [Fact]
    public void Calendar_that_refuses_missing_years_gives_null_with_the_reason()
    {
        var strict = WorkingTimeCalendar.Create(NationalDayOffice.Definition with { MissingYears = MissingYearPolicy.Refuse });

        var result = Run(EngineAt("2026-12-31 16:00 +08:00", strict), "business time(now(), duration(\"PT4H\"))");

        Assert.Null(result.Value);
        Assert.Contains(result.Warnings, warning => warning.Contains("no holiday arrangement for 2027"));
    }
}
