using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Tests.Feel;

public sealed class TemporalTests
{
    [Theory]
    [InlineData("date(\"2026-10-01\")", "2026-10-01")]
    [InlineData("@\"2026-10-01\"", "2026-10-01")]
    [InlineData("date(2026, 2, 28)", "2026-02-28")]
    [InlineData("date(date and time(\"2026-10-01T23:59:00+08:00\"))", "2026-10-01")]
    [InlineData("time(\"10:30:00\")", "10:30:00")]
    [InlineData("time(\"10:30:00.5+08:00\")", "10:30:00.5+08:00")]
    [InlineData("time(\"10:30:00Z\")", "10:30:00Z")]
    [InlineData("time(23, 59, 0)", "23:59:00")]
    [InlineData("time(10, 0, 0, duration(\"PT8H\"))", "10:00:00+08:00")]
    [InlineData("date and time(\"2026-10-01T08:00:00\")", "2026-10-01T08:00:00")]
    [InlineData("date and time(\"2026-10-01T08:00:00+08:00\")", "2026-10-01T08:00:00+08:00")]
    [InlineData("date and time(\"2026-10-01T08:00:00@Asia/Shanghai\")", "2026-10-01T08:00:00@Asia/Shanghai")]
    [InlineData("date and time(\"2026-10-01\")", "2026-10-01T00:00:00")]
    [InlineData("date and time(date(\"2026-10-01\"), time(\"09:15:00Z\"))", "2026-10-01T09:15:00Z")]
    [InlineData("@\"2026-10-01T08:00:00Z\"", "2026-10-01T08:00:00Z")]
    [InlineData("duration(\"P2DT3H\")", "P2DT3H")]
    [InlineData("duration(\"PT36H\")", "P1DT12H")]
    [InlineData("duration(\"-PT90M\")", "-PT1H30M")]
    [InlineData("duration(\"P1Y2M\")", "P1Y2M")]
    [InlineData("duration(\"P14M\")", "P1Y2M")]
    [InlineData("@\"PT0S\"", "PT0S")]
    [InlineData("years and months duration(date(\"2020-01-15\"), date(\"2026-03-14\"))", "P6Y1M")]
    public void Temporal_values_are_built_and_printed_in_iso_8601(string expression, string expected) =>
        Assert.Equal(expected, Feel.Show(expression));

    [Theory]
    [InlineData("date(\"2026-02-30\")")]
    [InlineData("date(\"yesterday\")")]
    [InlineData("time(\"25:00:00\")")]
    [InlineData("duration(\"P1Y2D\")")]
    [InlineData("duration(\"P\")")]
    [InlineData("date and time(\"2026-10-01T08:00:00@Nowhere/City\")")]
    public void Invalid_temporal_text_is_null_with_a_warning(string expression)
    {
        var result = Feel.Run(Feel.Engine, expression);
        Assert.Null(result.Value);
        Assert.NotEmpty(result.Warnings);
    }

    [Fact]
    public void Invalid_temporal_literal_is_a_parse_error() =>
        Assert.Contains("invalid temporal literal", Feel.ParseError("@\"2026-13-01\"").Message);

    [Theory]
    [InlineData("date(\"2026-10-01\") + duration(\"P3D\")", "2026-10-04")]
    [InlineData("date(\"2026-01-31\") + duration(\"P1M\")", "2026-02-28")]
    [InlineData("date(\"2026-10-01\") - duration(\"P1Y\")", "2025-10-01")]
    [InlineData("date(\"2026-10-10\") - date(\"2026-10-01\")", "P9D")]
    [InlineData("date and time(\"2026-10-01T08:00:00\") + duration(\"PT30M\")", "2026-10-01T08:30:00")]
    [InlineData("date and time(\"2026-10-01T23:00:00+08:00\") + duration(\"PT2H\")", "2026-10-02T01:00:00+08:00")]
    [InlineData("date and time(\"2026-10-02T08:00:00+08:00\") - date and time(\"2026-10-01T00:00:00Z\")", "P1D")]
    [InlineData("date and time(\"2026-10-01T08:00:00\") - date and time(\"2026-09-30T06:30:00\")", "P1DT1H30M")]
    [InlineData("time(\"10:00:00\") + duration(\"PT3H\")", "13:00:00")]
    [InlineData("time(\"23:00:00\") + duration(\"PT2H\")", "01:00:00")]
    [InlineData("time(\"10:00:00\") - time(\"08:30:00\")", "PT1H30M")]
    [InlineData("duration(\"PT1H\") * 3", "PT3H")]
    [InlineData("2 * duration(\"P1D\")", "P2D")]
    [InlineData("duration(\"P1D\") / 4", "PT6H")]
    [InlineData("duration(\"P1D\") / duration(\"PT1H\")", "24")]
    [InlineData("duration(\"P1Y\") + duration(\"P2M\")", "P1Y2M")]
    [InlineData("duration(\"P1Y\") / 2", "P6M")]
    [InlineData("duration(\"PT1H\") + duration(\"PT30M\")", "PT1H30M")]
    [InlineData("-duration(\"PT1H\")", "-PT1H")]
    public void Temporal_arithmetic(string expression, string expected) => Assert.Equal(expected, Feel.Show(expression));

    [Theory]
    [InlineData("date(\"2026-10-01\") < date(\"2026-10-02\")", true)]
    [InlineData("date(\"2026-10-01\") = @\"2026-10-01\"", true)]
    [InlineData("date and time(\"2026-10-01T08:00:00+08:00\") = date and time(\"2026-10-01T00:00:00Z\")", true)]
    [InlineData("date and time(\"2026-10-01T08:00:00@Asia/Shanghai\") = date and time(\"2026-10-01T09:00:00@Asia/Tokyo\")", true)]
    [InlineData("date and time(\"2026-10-01T08:00:00@Asia/Shanghai\") = date and time(\"2026-10-01T00:00:00Z\")", false)]
    [InlineData("date and time(\"2026-10-01T08:00:00@Asia/Shanghai\") < date and time(\"2026-10-01T00:00:01Z\")", true)]
    [InlineData("date and time(\"2026-10-01T08:00:00\") = date and time(\"2026-10-01T08:00:00Z\")", false)]
    [InlineData("time(\"10:30:00+08:00\") = time(\"10:30:00@Asia/Shanghai\")", false)]
    [InlineData("time(\"10:30:00Z\") = time(\"10:30:00+00:00\")", true)]
    [InlineData("time(\"10:30:00.0000\") = time(\"10:30:00\")", true)]
    [InlineData("duration(\"P0D\") = duration(\"-P0D\")", true)]
    [InlineData("duration(\"P1D\") = duration(\"PT24H\")", true)]
    [InlineData("date and time(\"2026-10-01T08:00:00+08:00\") < date and time(\"2026-10-01T01:00:00Z\")", true)]
    [InlineData("time(\"08:00:00\") < time(\"09:00:00\")", true)]
    [InlineData("duration(\"PT25H\") > duration(\"P1D\")", true)]
    [InlineData("duration(\"P1Y\") = duration(\"P12M\")", true)]
    [InlineData("duration(\"P1Y\") > duration(\"P11M\")", true)]
    public void Temporal_comparison(string expression, bool expected) => Assert.Equal(expected, Feel.Eval(expression));

    [Fact]
    public void Local_and_offset_date_times_do_not_compare() =>
        Assert.Null(Feel.Eval("date and time(\"2026-10-01T08:00:00\") < date and time(\"2026-10-01T08:00:00Z\")"));

    [Theory]
    [InlineData("date(\"2026-10-01\").year", "2026")]
    [InlineData("date(\"2026-10-01\").month", "10")]
    [InlineData("date(\"2026-10-01\").day", "1")]
    [InlineData("date(\"2026-10-01\").weekday", "4")]
    [InlineData("date and time(\"2026-10-01T08:15:30.5+08:00\").hour", "8")]
    [InlineData("date and time(\"2026-10-01T08:15:30.5+08:00\").second", "30.5")]
    [InlineData("date and time(\"2026-10-01T08:15:30+08:00\").time offset", "PT8H")]
    [InlineData("date and time(\"2026-10-01T08:15:30@Asia/Shanghai\").timezone", "\"Asia/Shanghai\"")]
    [InlineData("time(\"08:15:30\").minute", "15")]
    [InlineData("duration(\"P2DT3H4M5S\").days", "2")]
    [InlineData("duration(\"P2DT3H4M5S\").hours", "3")]
    [InlineData("duration(\"P2DT3H4M5S\").minutes", "4")]
    [InlineData("duration(\"P2DT3H4M5S\").seconds", "5")]
    [InlineData("duration(\"P2Y3M\").years", "2")]
    [InlineData("duration(\"P2Y3M\").months", "3")]
    [InlineData("d.year", "2026")]
    public void Temporal_properties(string expression, string expected) =>
        Assert.Equal(expected, Feel.Show(expression, ("d", new DateOnly(2026, 5, 1))));

    [Theory]
    [InlineData("day of week(date(\"2026-10-01\"))", "\"Thursday\"")]
    [InlineData("day of year(date(\"2026-02-01\"))", "32")]
    [InlineData("week of year(date(\"2026-01-01\"))", "1")]
    [InlineData("week of year(date(\"2027-01-01\"))", "53")]
    [InlineData("month of year(date(\"2026-10-01\"))", "\"October\"")]
    public void Calendar_functions(string expression, string expected) => Assert.Equal(expected, Feel.Show(expression));

    [Fact]
    public void Today_and_now_read_the_injected_clock()
    {
        Assert.Equal(new DateOnly(2026, 11, 21), Feel.Eval("today()"));
        var now = Assert.IsType<FeelDateTime>(Feel.Eval("now()"));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 30, 0, TimeSpan.FromHours(8)), now.Instant);
    }

    [Fact]
    public void Clr_date_times_are_accepted_as_variables()
    {
        Assert.Equal(true, Feel.Eval("reported + duration(\"PT2H\") < deadline",
            ("reported", new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.FromHours(8))),
            ("deadline", new DateTimeOffset(2026, 10, 1, 3, 0, 0, TimeSpan.Zero))));
        Assert.Equal("P1D", Feel.Show("b - a", ("a", new DateOnly(2026, 1, 1)), ("b", new DateOnly(2026, 1, 2))));
        Assert.Equal("PT1H", Feel.Show("x", ("x", TimeSpan.FromHours(1))));
    }

    [Fact]
    public void Zoned_date_time_arithmetic_crosses_daylight_saving_in_absolute_time() =>
        Assert.Equal("2026-03-08T03:30:00@America/New_York",
            Feel.Show("date and time(\"2026-03-08T01:30:00@America/New_York\") + duration(\"PT1H\")"));
}
