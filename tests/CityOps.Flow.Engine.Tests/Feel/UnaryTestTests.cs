namespace CityOps.Flow.Engine.Tests.Feel;

public sealed class UnaryTestTests
{
    [Theory]
    [InlineData("-", 5, true)]
    [InlineData("-", null, true)]
    [InlineData("< 5", 4, true)]
    [InlineData("< 5", 5, false)]
    [InlineData("<= 5", 5, true)]
    [InlineData("> 5", 6, true)]
    [InlineData(">= 5", 4, false)]
    [InlineData("= 5", 5, true)]
    [InlineData("!= 5", 5, false)]
    [InlineData("5", 5, true)]
    [InlineData("5", 6, false)]
    [InlineData("[1..5]", 5, true)]
    [InlineData("[1..5)", 5, false)]
    [InlineData("(1..5]", 1, false)]
    [InlineData("]1..5]", 2, true)]
    [InlineData("]1..10[", 5, true)]
    [InlineData("]1..10[", 10, false)]
    [InlineData("]1..10[, 20", 20, true)]
    [InlineData("1, 2, 3", 2, true)]
    [InlineData("1, 2, 3", 4, false)]
    [InlineData("< 0, > 10", 11, true)]
    [InlineData("not(1, 2)", 3, true)]
    [InlineData("not(1, 2)", 2, false)]
    [InlineData("not(< 5)", 7, true)]
    [InlineData("null", null, true)]
    [InlineData("null", 1, false)]
    [InlineData("not(null)", 1, true)]
    [InlineData("? > 3", 4, true)]
    [InlineData("? > 3", 2, false)]
    [InlineData("count(?) > 1", null, null)]
    [InlineData("? * 2 = 10", 5, true)]
    [InlineData("[1, 2, 3]", 2, true)]
    [InlineData("< limit", 3, true)]
    [InlineData("limit - 1", 4, true)]
    [InlineData("> limit * 2", 9, false)]
    [InlineData("< 5", null, null)]
    [InlineData("\"a\"", 1, null)]
    public void Numeric_input_entries(string tests, object? input, bool? expected) =>
        Assert.Equal(expected, Feel.Test(tests, input, ("limit", 5)));

    [Theory]
    [InlineData("\"红\", \"橙\"", "橙", true)]
    [InlineData("\"红\", \"橙\"", "黄", false)]
    [InlineData("not(\"红\")", "黄", true)]
    [InlineData("starts with(?, \"ROAD\")", "ROAD-12", true)]
    [InlineData("matches(?, \"^[A-Z]+-\\\\d+$\")", "ROAD-12", true)]
    [InlineData("true", true, true)]
    [InlineData("true", false, false)]
    [InlineData("false", false, true)]
    [InlineData("count(?) > 1", new[] { 1, 2 }, true)]
    [InlineData("[date(\"2026-01-01\")..date(\"2026-12-31\")]", "2026-06-01", null)]
    public void Other_input_entries(string tests, object? input, bool? expected) =>
        Assert.Equal(expected, Feel.Test(tests, input));

    [Fact]
    public void Date_ranges_test_dates() =>
        Assert.Equal(true, Feel.Test("[date(\"2026-01-01\")..date(\"2026-12-31\")]", new DateOnly(2026, 6, 1)));

    [Fact]
    public void Duration_comparisons_test_durations() =>
        Assert.Equal(true, Feel.Test("> duration(\"PT2H\")", TimeSpan.FromHours(3)));

    [Fact]
    public void A_boolean_expression_without_the_input_is_its_own_verdict() =>
        Assert.Equal(true, Feel.Test("level > 2", "anything", ("level", 3)));

    [Fact]
    public void Expressions_may_be_used_as_tests()
    {
        var parsed = Feel.Engine.ParseExpression("? > 10");
        Assert.True(parsed.Success);
        Assert.Equal(true, Feel.Engine.Test(parsed.Expression!, 11, new Dictionary<string, object?>()).Value);
    }

    [Fact]
    public void Unary_tests_cannot_be_evaluated_without_an_input()
    {
        var parsed = Feel.Engine.ParseUnaryTests("< 5");
        var result = Feel.Engine.Evaluate(parsed.Expression!, new Dictionary<string, object?>());
        Assert.Null(result.Value);
        Assert.NotEmpty(result.Warnings);
    }
}
