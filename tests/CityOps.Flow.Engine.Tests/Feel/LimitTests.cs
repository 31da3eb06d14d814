using System.Diagnostics;
using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Tests.Feel;

public sealed class LimitTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private static FeelResult RunBounded(FeelEngine engine, string expression, params (string, object?)[] variables)
    {
        var watch = Stopwatch.StartNew();
        var result = Feel.Run(engine, expression, variables);
        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");
        Assert.Null(result.Value);
        Assert.NotEmpty(result.Warnings);
        return result;
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    [InlineData("-", "")]
    [InlineData("f(", ")")]
    [InlineData("if true then ", " else 0")]
    [InlineData("not(", ")")]
    public void Ten_thousand_deep_nesting_is_a_parse_error(string open, string close)
    {
        var source = string.Concat(Enumerable.Repeat(open, 10_000)) + "1" + string.Concat(Enumerable.Repeat(close, 10_000));
        var error = Feel.ParseError(source);
        Assert.Contains("nested deeper than 100 levels", error.Message);
    }

    [Fact]
    public void Ten_thousand_deep_unary_tests_are_a_parse_error()
    {
        var source = string.Concat(Enumerable.Repeat("(", 10_000)) + "1" + string.Concat(Enumerable.Repeat(")", 10_000));
        Assert.False(Feel.Engine.ParseUnaryTests(source).Success);
    }

    [Fact]
    public void A_long_flat_expression_parses_without_deep_recursion()
    {
        var source = string.Join(" + ", Enumerable.Repeat("1", 50_000));
        Assert.Equal(50_000m, Feel.Eval(source));
    }

    [Fact]
    public void A_ten_megabyte_expression_is_refused()
    {
        var source = "\"" + new string('x', 10_000_000) + "\"";
        Assert.Contains("longer than 1000000 characters", Feel.ParseError(source).Message);
    }

    [Fact]
    public void A_ten_megabyte_variable_is_read_but_not_doubled()
    {
        var big = new string('x', 10_000_000);
        Assert.Equal(10_000_000m, Feel.Eval("string length(s)", ("s", big)));
        Assert.Contains("string longer than", RunBounded(Feel.Engine, "s + s", ("s", big)).Warnings[^1]);
    }

    [Fact]
    public void Exponential_string_growth_stops_at_the_string_limit()
    {
        var result = RunBounded(Feel.Engine, "{f: function(s, n) if n = 0 then s else f(s + s, n - 1), r: f(\"ab\", 64)}.r");
        Assert.Contains("string longer than 1000000 characters", result.Warnings[^1]);
    }

    [Fact]
    public void Endless_for_over_a_huge_range_stops_at_the_list_limit()
    {
        var result = RunBounded(Feel.Engine, "for i in 1..1000000000000 return i");
        Assert.Contains("longer than 1000000", result.Warnings[^1]);
    }

    [Fact]
    public void Nested_loops_stop_at_the_step_budget()
    {
        var result = RunBounded(Feel.Engine, "count(for i in 1..1000, j in 1..1000, k in 1..1000 return 1)");
        Assert.Contains("longer than", result.Warnings[^1]);
    }

    [Fact]
    public void Quantifiers_over_huge_ranges_stop_at_the_step_budget()
    {
        var engine = new FeelEngine(Feel.Clock, limits: new FeelLimits(MaxEvaluationSteps: 100_000));
        var result = RunBounded(engine, "some i in 1..999999, j in 1..999999 satisfies false");
        Assert.Contains("exceeded 100000 steps", result.Warnings[^1]);
    }

    [Fact]
    public void The_default_budget_ends_a_trillion_iterations()
    {
        var result = RunBounded(Feel.Engine, "some i in 1..999999, j in 1..999999 satisfies false");
        Assert.Contains("exceeded", result.Warnings[^1]);
    }

    [Fact]
    public void Unbounded_recursion_stops_at_the_call_depth()
    {
        var result = RunBounded(Feel.Engine, "{f: function(n) f(n + 1), r: f(0)}.r");
        Assert.Contains("nested deeper than 200", result.Warnings[^1]);
    }

    [Fact]
    public void Exponential_recursion_stops_at_the_time_budget()
    {
        var engine = new FeelEngine(Feel.Clock, limits: new FeelLimits(MaxEvaluationSteps: long.MaxValue, MaxEvaluationTime: TimeSpan.FromMilliseconds(300)));
        var result = RunBounded(engine, "{fib: function(n) if n < 2 then n else fib(n - 1) + fib(n - 2), r: fib(60)}.r");
        Assert.Contains("exceeded 300 ms", result.Warnings[^1]);
    }

    [Fact]
    public void Exponential_list_growth_stops_at_a_limit()
    {
        var result = RunBounded(Feel.Engine, "{f: function(l, n) if n = 0 then count(l) else f(concatenate(l, l), n - 1), r: f([1], 64)}.r");
        Assert.Contains("list longer than", result.Warnings[^1]);
    }

    [Fact]
    public void Reading_partial_results_costs_no_copy()
    {
        Assert.Equal(99_999m, Feel.Eval("count((for i in 1..100000 return partial)[-1])"));
    }

    [Fact]
    public void Values_nested_a_hundred_thousand_deep_fail_cleanly_when_printed_or_compared()
    {
        var deep = "{l: for i in 1..100000 return if i = 1 then [] else [partial[-1]], d: l[-1]}.d";
        var printed = RunBounded(Feel.Engine, $"string({deep})");
        Assert.Contains("too deeply", printed.Warnings[^1]);
        RunBounded(Feel.Engine, $"{deep} = {deep}");
    }

    [Fact]
    public void Printing_a_huge_structure_stops_at_the_string_limit()
    {
        var result = RunBounded(Feel.Engine, "string(for i in 1..2000 return partial)");
        Assert.Contains("string longer than", result.Warnings[^1]);
    }

    [Fact]
    public void Many_large_strings_stop_at_the_allocation_budget()
    {
        var result = RunBounded(Feel.Engine, "count(for i in 1..100000 return s + string(i))", ("s", new string('x', 500_000)));
        Assert.Contains("allocated more than 10000000", result.Warnings[^1]);
    }

    [Fact]
    public void Distinct_values_of_a_large_list_take_linear_time()
    {
        var watch = Stopwatch.StartNew();
        Assert.Equal(200_000m, Feel.Eval("count(distinct values(for i in 1..200000 return i))"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Reading_a_large_list_variable_in_a_loop_converts_it_once()
    {
        var xs = Enumerable.Range(1, 20_000).Select(i => (object?)i).ToArray();
        var watch = Stopwatch.StartNew();
        Assert.Equal(20_000m, Feel.Eval("count(for i in 1..count(xs) return xs[i])", ("xs", xs)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Replacing_with_a_long_text_stops_at_the_string_limit()
    {
        var result = RunBounded(Feel.Engine, "replace(s, \"a\", r)", ("s", new string('a', 100_000)), ("r", new string('b', 100_000)));
        Assert.Contains("string longer than", result.Warnings[^1]);
    }

    [Fact]
    public void A_precedes_function_that_exhausts_the_budget_reports_the_budget()
    {
        var engine = new FeelEngine(Feel.Clock, limits: new FeelLimits(MaxEvaluationSteps: 5_000));
        var result = RunBounded(engine, "sort(for i in 1..1000 return i, function(a, b) a > b)");
        Assert.Contains("exceeded 5000 steps", result.Warnings[^1]);
    }

    [Fact]
    public void Limits_are_configurable()
    {
        var engine = new FeelEngine(Feel.Clock, limits: new FeelLimits(MaxNestingDepth: 3, MaxListSize: 10));
        Assert.False(engine.ParseExpression("((((1))))").Success);
        Assert.True(engine.ParseExpression("((1))").Success);
        Assert.NotEmpty(Feel.Run(engine, "for i in 1..11 return i").Warnings);
    }

    [Fact]
    public void Expressions_are_reusable_across_threads()
    {
        var parsed = Feel.Engine.ParseExpression("{total: sum(for x in xs return x * k), ok: total > 100}");
        Assert.True(parsed.Success);
        Parallel.For(0, 200, i =>
        {
            var value = (IReadOnlyDictionary<string, object?>)Feel.Engine.Evaluate(parsed.Expression!, new Dictionary<string, object?>
            {
                ["xs"] = new[] { 1, 2, 3 },
                ["k"] = i,
            }).Value!;
            Assert.Equal(6m * i, value["total"]);
        });
    }
}
