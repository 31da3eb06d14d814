using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Tests.Feel;

public sealed class FunctionTests
{
    [Theory]
    [InlineData("(function(a, b) a + b)(1, 2)", "3")]
    [InlineData("{add: function(a, b) a + b, r: add(2, 3)}.r", "5")]
    [InlineData("{add: function(a, b) a - b, r: add(b: 2, a: 3)}.r", "1")]
    [InlineData("{fact: function(n) if n <= 1 then 1 else n * fact(n - 1), r: fact(10)}.r", "3628800")]
    [InlineData("{k: 10, f: function(x) x + k, r: f(1)}.r", "11")]
    [InlineData("{f: function(x: number) x * 2}.f(4)", "8")]
    [InlineData("{twice: function(f, x) f(f(x)), r: twice(function(y) y * 3, 2)}.r", "18")]
    [InlineData("substring(start position: 2, string: \"abc\")", "\"bc\"")]
    [InlineData("date(year: 2026, month: 10, day: 1)", "2026-10-01")]
    [InlineData("f(1)", "null")]
    public void User_defined_functions_and_named_arguments(string expression, string expected) =>
        Assert.Equal(expected, Feel.Show(expression));

    [Fact]
    public void Wrong_argument_count_is_null_with_a_warning()
    {
        var result = Feel.Run(Feel.Engine, "substring(\"a\", 1, 2, 3)");
        Assert.Null(result.Value);
        Assert.Contains("does not take 4 arguments", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Unknown_named_parameter_is_null_with_a_warning()
    {
        var result = Feel.Run(Feel.Engine, "upper case(text: \"a\")");
        Assert.Null(result.Value);
        Assert.Contains("'text'", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Host_functions_with_spaces_in_their_names_are_callable_positionally_and_by_name()
    {
        var registry = new FeelFunctionRegistry();
        registry.Register("add working hours", ["start", "hours"], args =>
            ((DateOnly)args[0]!).AddDays((int)((decimal)args[1]! / 8)));
        var engine = new FeelEngine(Feel.Clock, registry);
        Assert.Equal(new DateOnly(2026, 10, 3), Feel.Run(engine, "add working hours(date(\"2026-10-01\"), 16)").Value);
        Assert.Equal(new DateOnly(2026, 10, 2), Feel.Run(engine, "add working hours(hours: 8, start: d)", ("d", new DateOnly(2026, 10, 1))).Value);
    }

    [Fact]
    public void A_failing_host_function_gives_null_and_a_warning()
    {
        var registry = new FeelFunctionRegistry();
        registry.Register("explode", [], _ => throw new InvalidOperationException("calendar missing"));
        var result = Feel.Run(new FeelEngine(Feel.Clock, registry), "explode()");
        Assert.Null(result.Value);
        Assert.Contains("calendar missing", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Host_functions_registered_after_parsing_are_found()
    {
        var registry = new FeelFunctionRegistry();
        var engine = new FeelEngine(Feel.Clock, registry);
        var parsed = engine.ParseExpression("late fee(3)");
        registry.Register("late fee", ["days"], args => (decimal)args[0]! * 50);
        Assert.Equal(150m, engine.Evaluate(parsed.Expression!, new Dictionary<string, object?>()).Value);
    }

    [Theory]
    [InlineData("1 instance of number", true)]
    [InlineData("\"a\" instance of number", false)]
    [InlineData("null instance of Null", true)]
    [InlineData("1 instance of Any", true)]
    [InlineData("date(\"2026-10-01\") instance of date", true)]
    [InlineData("now() instance of date and time", true)]
    [InlineData("duration(\"P1D\") instance of days and time duration", true)]
    [InlineData("duration(\"P1Y\") instance of years and months duration", true)]
    [InlineData("[1, 2] instance of list<number>", true)]
    [InlineData("[1, \"a\"] instance of list<number>", false)]
    [InlineData("{a: 1} instance of context<a: number>", true)]
    [InlineData("{a: \"x\"} instance of context<a: number>", false)]
    [InlineData("[1..2] instance of range<number>", true)]
    [InlineData("(function(a) a) instance of function<Any> -> Any", true)]
    public void Instance_of(string expression, bool expected) => Assert.Equal(expected, Feel.Eval(expression));

    [Theory]
    [InlineData("time limit * 2", "8")]
    [InlineData("事件等级 = \"紧急\"", "true")]
    [InlineData("`odd name` + 1", "2")]
    [InlineData("is defined(time limit)", "true")]
    [InlineData("is defined(missing)", "false")]
    [InlineData("is defined(ctx.a)", "true")]
    [InlineData("is defined(ctx.b)", "false")]
    [InlineData("is defined(nothing)", "true")]
    public void Names_may_contain_spaces_and_chinese(string expression, string expected) =>
        Assert.Equal(expected, Feel.Show(expression,
            ("time limit", 4), ("time limit in hours", 4), ("事件等级", "紧急"), ("odd name", 1),
            ("ctx", new Dictionary<string, object?> { ["a"] = 1 }), ("nothing", null)));

    [Theory]
    [InlineData("time in hours > 3", "true")]
    [InlineData("full-time and part-time", "false")]
    [InlineData("applicant's age + 1", "31")]
    [InlineData("for each item > 2", "true")]
    [InlineData("if needed and true", "false")]
    public void Declared_names_may_hold_keywords_and_operators(string expression, string expected)
    {
        var variables = new Dictionary<string, object?> { ["time in hours"] = 4, ["full-time"] = true, ["part-time"] = false, ["applicant's age"] = 30, ["for each item"] = 3, ["if needed"] = false };
        var parsed = Feel.Engine.ParseExpression(expression, variables.Keys);
        Assert.True(parsed.Success, string.Join("; ", parsed.Errors));
        Assert.Equal(expected, Feel.FeelValueText(Feel.Engine.Evaluate(parsed.Expression!, variables).Value));
    }

    [Theory]
    [InlineData("time in hours > 3", true)]
    [InlineData("full-time and not(part-time)", true)]
    [InlineData("applicant's age >= 30", true)]
    public void Names_with_keywords_or_operators_resolve_against_the_variables_at_run_time(string expression, bool expected)
    {
        var variables = new Dictionary<string, object?> { ["time in hours"] = 4, ["full-time"] = true, ["part-time"] = false, ["applicant's age"] = 30 };
        var parsed = Feel.Engine.ParseExpression(expression);
        Assert.True(parsed.Success, string.Join("; ", parsed.Errors));
        for (var i = 0; i < 2; i++)
        {
            var result = Feel.Engine.Evaluate(parsed.Expression!, variables);
            Assert.Equal(expected, result.Value);
            Assert.Empty(result.Warnings);
        }
    }

    [Fact]
    public void A_truly_missing_name_is_still_reported_after_reading_again()
    {
        var parsed = Feel.Engine.ParseExpression("time in hours > 3 and missing");
        var result = Feel.Engine.Evaluate(parsed.Expression!, new Dictionary<string, object?> { ["time in hours"] = 4 });
        Assert.Null(result.Value);
        Assert.Contains("no variable found for name 'missing'", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Unary_tests_also_read_again_with_run_time_names() =>
        Assert.Equal(true, Feel.Test("< max-hours", 3, ("max-hours", 4)));

    [Theory]
    [InlineData("{time in hours: 2, doubled: time in hours * 2}.doubled", "4")]
    [InlineData("{full-time: true, r: not(full-time)}.r", "false")]
    [InlineData("for unit price in [1, 2] return unit price * 10", "[10, 20]")]
    [InlineData("(function(net amount) net amount * 2)(4)", "8")]
    public void Names_declared_in_the_expression_itself_resolve(string expression, string expected) =>
        Assert.Equal(expected, Feel.Show(expression));

    [Fact]
    public void An_undefined_name_is_null_with_a_warning()
    {
        var result = Feel.Run(Feel.Engine, "unknown variable + 1");
        Assert.Null(result.Value);
        Assert.Contains("no variable found for name 'unknown variable'", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Comments_are_ignored() =>
        Assert.Equal(3m, Feel.Eval("1 + // first\n /* second \n line */ 2"));
}
