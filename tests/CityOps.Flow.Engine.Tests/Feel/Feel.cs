using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Scheduling;

namespace CityOps.Flow.Engine.Tests.Feel;

/// <summary>Shared engine and shorthand for the FEEL tests: a fixed clock at 2026-11-21 10:30 Beijing time.</summary>
internal static class Feel
{
    public static readonly AdjustableClock Clock = new(new DateTimeOffset(2026, 11, 21, 10, 30, 0, TimeSpan.FromHours(8)), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    public static readonly FeelEngine Engine = new(Clock);

    public static object? Eval(string expression, params (string Name, object? Value)[] variables) => Run(Engine, expression, variables).Value;

    public static FeelResult Run(FeelEngine engine, string expression, params (string Name, object? Value)[] variables)
    {
        var parsed = engine.ParseExpression(expression);
        Assert.True(parsed.Success, $"'{expression}' did not parse: {string.Join("; ", parsed.Errors)}");
        return engine.Evaluate(parsed.Expression!, variables.ToDictionary(v => v.Name, v => v.Value));
    }

    public static object? Test(string unaryTests, object? input, params (string Name, object? Value)[] variables)
    {
        var parsed = Engine.ParseUnaryTests(unaryTests);
        Assert.True(parsed.Success, $"'{unaryTests}' did not parse: {string.Join("; ", parsed.Errors)}");
        return Engine.Test(parsed.Expression!, input, variables.ToDictionary(v => v.Name, v => v.Value)).Value;
    }

    /// <summary>The FEEL string form of the result, which makes expected values easy to read.</summary>
    public static string Show(string expression, params (string Name, object? Value)[] variables) =>
        FeelValueText(Eval(expression, variables));

    public static string FeelValueText(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        _ => Format(value),
    };

    private static string Format(object value)
    {
        var parsed = Engine.ParseExpression("string(x)");
        return (string)Engine.Evaluate(parsed.Expression!, new Dictionary<string, object?> { ["x"] = value }).Value!;
    }

    public static FeelError ParseError(string expression)
    {
        var parsed = Engine.ParseExpression(expression);
        Assert.False(parsed.Success, $"'{expression}' should not parse");
        return Assert.Single(parsed.Errors);
    }
}
