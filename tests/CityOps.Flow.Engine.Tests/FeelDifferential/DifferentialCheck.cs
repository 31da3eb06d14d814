using System.Globalization;
using System.Text.Json;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Tests.Dmn;

namespace CityOps.Flow.Engine.Tests.FeelDifferential;

/// <summary>
/// Evaluates a corpus entry with our engine and compares it with the reference value using FEEL equality: numbers
/// after rounding both sides to the 15 significant digits a double carries (feelin computes in binary doubles),
/// temporal values as values (the reference text is turned into our value by our own constructors), unary tests
/// as matched or not matched, because a decision table treats false and null alike.
/// </summary>
public static class DifferentialCheck
{
    private static readonly IReadOnlyDictionary<string, object?> NoVariables = new Dictionary<string, object?>();

    /// <summary>Null when our engine agrees with the expected value, else what differed.</summary>
    public static string? Mismatch(FeelEngine feel, DifferentialEntry entry)
    {
        var parsed = entry.IsUnaryTest ? feel.ParseUnaryTests(entry.Text) : feel.ParseExpression(entry.Text);
        if (entry.ExpectsSyntaxError)
        {
            return parsed.Success ? "expected a syntax error, but it parsed" : null;
        }

        if (!parsed.Success || parsed.Expression is null)
        {
            return $"did not parse: {string.Join("; ", parsed.Errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"))}";
        }

        var variables = entry.Context is { } context
            ? (IReadOnlyDictionary<string, object?>)Materialise(feel, context)!
            : NoVariables;
        if (entry.IsUnaryTest)
        {
            var input = entry.Input is { } i ? Materialise(feel, i) : null;
            var matched = feel.Test(parsed.Expression, input, variables).Value is true;
            var expectedMatch = entry.Expected.ValueKind == JsonValueKind.True;
            return matched == expectedMatch ? null : $"expected {(expectedMatch ? "a match" : "no match")} but got {(matched ? "a match" : "no match")}";
        }

        var actual = feel.Evaluate(parsed.Expression, variables).Value;
        return Matches(feel, entry.Expected, actual)
            ? null
            : $"expected {entry.Expected.GetRawText()} but got {Describe(actual)}";
    }

    private static bool Matches(FeelEngine feel, JsonElement expected, object? actual)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Null:
                return actual is null;
            case JsonValueKind.True or JsonValueKind.False:
                return actual is bool b && b == (expected.ValueKind == JsonValueKind.True);
            case JsonValueKind.String:
                return actual is string s && s == expected.GetString();
            case JsonValueKind.Array:
                return actual is IReadOnlyList<object?> list
                    && list.Count == expected.GetArrayLength()
                    && expected.EnumerateArray().Select((item, index) => Matches(feel, item, list[index])).All(x => x);
        }

        var property = expected.EnumerateObject().First();
        switch (property.Name)
        {
            case "number":
                return actual is decimal number
                    && Significant(number) == Significant(decimal.Parse(property.Value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture));
            case "date":
                return Equals(Construct(feel, "date", property.Value.GetString()!), actual) && actual is not null;
            case "time":
                return Equals(Construct(feel, "time", property.Value.GetString()!), actual) && actual is not null;
            case "dateTime":
                return Equals(Construct(feel, "date and time", property.Value.GetString()!), actual) && actual is not null;
            case "duration":
                return Equals(Construct(feel, "duration", property.Value.GetString()!), actual) && actual is not null;
            case "context":
                return actual is IReadOnlyDictionary<string, object?> map
                    && map.Count == property.Value.EnumerateObject().Count()
                    && property.Value.EnumerateObject().All(p => map.TryGetValue(p.Name, out var v) && Matches(feel, p.Value, v));
            case "range":
                return actual is not null && RangeMatches(feel, property.Value, actual);
            case "function":
                return actual is not null and not (decimal or string or bool or IReadOnlyList<object?> or IReadOnlyDictionary<string, object?>);
            default:
                return false; // nonFinite: FEEL has no NaN or infinity
        }
    }

    private static bool RangeMatches(FeelEngine feel, JsonElement range, object actual)
    {
        var variables = new Dictionary<string, object?> { ["r"] = actual };
        object? Part(string path) => feel.Evaluate(feel.ParseExpression(path).Expression!, variables).Value;
        return Matches(feel, range.GetProperty("start"), Part("r.start"))
            && Matches(feel, range.GetProperty("end"), Part("r.end"))
            && Matches(feel, range.GetProperty("startIncluded"), Part("r.start included"))
            && Matches(feel, range.GetProperty("endIncluded"), Part("r.end included"));
    }

    private static object? Construct(FeelEngine feel, string function, string text) =>
        Evaluate(feel, $"{function}(\"{text}\")");

    private static object? Evaluate(FeelEngine feel, string expression)
    {
        var parsed = feel.ParseExpression(expression);
        return parsed.Expression is null ? null : feel.Evaluate(parsed.Expression, NoVariables).Value;
    }

    /// <summary>Turns corpus JSON into FEEL values; {"$feel": "..."} is evaluated by our engine.</summary>
    public static object? Materialise(FeelEngine feel, JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => json.GetDecimal(),
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Array => json.EnumerateArray().Select(e => Materialise(feel, e)).ToList(),
        _ when json.TryGetProperty("$feel", out var source) => Evaluate(feel, source.GetString()!),
        _ => json.EnumerateObject().ToDictionary(p => p.Name, p => Materialise(feel, p.Value)),
    };

    private static decimal Significant(decimal value)
    {
        if (value == 0m)
        {
            return 0m;
        }

        var exponent = (int)Math.Floor(Math.Log10((double)Math.Abs(value)));
        var scale = 14 - exponent;
        if (scale >= 0)
        {
            return Math.Round(value, Math.Min(scale, 28), MidpointRounding.AwayFromZero);
        }

        var factor = (decimal)Math.Pow(10, -scale);
        return Math.Round(value / factor, 0, MidpointRounding.AwayFromZero) * factor;
    }

    private static string Describe(object? value) => DmnValuesText.Show(value);
}
