namespace CityOps.Flow.Engine.Tests.Feel;

/// <summary>Thousands of generated, type-confused expressions: each ends in a value or a warning, never an exception.</summary>
public sealed class GeneratedExpressionTests
{
    private static readonly string[] Atoms =
    [
        "1", "0", "-1", "2.5", "\"a\"", "\"\"", "null", "true", "false", "x", "xs", "ctx", "d", "dt", "t", "dur", "ym",
        "[1, 2, 3]", "[]", "{a: 1, b: \"c\"}", "{}", "[1..5]", "(1..5)", "< 3", "date(\"2026-01-01\")", "@\"PT1H\"", "@\"P1Y\"",
        "@\"10:00:00Z\"", "@\"2026-01-01T10:00:00@Asia/Shanghai\"", "function(a) a", "item", "partial", "?",
    ];

    private static readonly string[] Functions = BuiltInNames();

    private static string[] BuiltInNames() => [.. CityOps.Flow.Engine.Feel.BuiltIns.Names];

    private static string Gen(Random r, int depth)
    {
        if (depth <= 0 || r.Next(4) == 0)
        {
            return Atoms[r.Next(Atoms.Length)];
        }

        string E() => Gen(r, depth - 1);
        return r.Next(20) switch
        {
            0 => $"{E()} + {E()}",
            1 => $"{E()} - {E()}",
            2 => $"{E()} * {E()}",
            3 => $"{E()} / {E()}",
            4 => $"{E()} = {E()}",
            5 => $"{E()} < {E()}",
            6 => $"if {E()} then {E()} else {E()}",
            7 => $"for i in {E()} return {E()}",
            8 => $"some i in {E()} satisfies {E()}",
            9 => $"{E()}[{E()}]",
            10 => $"{E()}.a",
            11 => $"[{E()}, {E()}]",
            12 => $"{{k: {E()}, m: {E()}}}",
            13 => $"{E()} in ({E()}, {E()})",
            14 => $"{E()} between {E()} and {E()}",
            15 => $"{E()} instance of number",
            16 => $"({E()})",
            17 => $"{E()} and {E()}",
            _ => $"{Functions[r.Next(Functions.Length)]}({string.Join(", ", Enumerable.Range(0, r.Next(4)).Select(_ => E()))})",
        };
    }

    [Fact]
    public void Generated_expressions_give_values_or_warnings_never_exceptions()
    {
        var r = new Random(20261121);
        var vars = new Dictionary<string, object?>
        {
            ["x"] = 3, ["xs"] = new object?[] { 1, "b", null }, ["ctx"] = new Dictionary<string, object?> { ["a"] = 1 },
            ["d"] = new DateOnly(2026, 1, 1), ["dt"] = DateTimeOffset.UnixEpoch, ["t"] = new TimeOnly(10, 0), ["dur"] = TimeSpan.FromHours(1),
            ["ym"] = new CityOps.Flow.Engine.Feel.FeelYearsMonthsDuration(3),
        };
        var failures = new List<string>();
        for (var i = 0; i < 5000; i++)
        {
            var src = Gen(r, 4);
            try
            {
                var p = Feel.Engine.ParseExpression(src);
                if (p.Success)
                {
                    foreach (var w in Feel.Engine.Evaluate(p.Expression!, vars).Warnings.Concat(Feel.Engine.Test(p.Expression!, 2, vars).Warnings))
                    {
                        if (w.StartsWith("evaluation failed") && failures.Count < 40 && !failures.Any(f => f.EndsWith(w.Length > 60 ? w[..60] : w)))
                        {
                            failures.Add($"{src} => {(w.Length > 60 ? w[..60] : w)}");
                        }
                    }
                }

                var u = Feel.Engine.ParseUnaryTests(src);
                if (u.Success)
                {
                    Feel.Engine.Test(u.Expression!, 2, vars);
                }
            }
            catch (Exception e)
            {
                failures.Add($"{src} => {e.GetType().Name}: {e.Message}");
                if (failures.Count > 20) break;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
