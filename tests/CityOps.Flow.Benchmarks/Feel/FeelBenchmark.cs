using System.Diagnostics;
using System.Globalization;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Scheduling;

namespace CityOps.Flow.Benchmarks.Feel;

/// <summary>
/// Times FEEL parsing, expression evaluation and unary tests (public API and the decision-table fast path),
/// each as the median of batch means after a warm-up. Target: unary tests in tens of nanoseconds.
/// </summary>
public static class FeelBenchmark
{
    private const int Batches = 21;

    public static void Run()
    {
        var engine = new FeelEngine(new AdjustableClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8))));
        var variables = new Dictionary<string, object?>
        {
            ["category"] = "road",
            ["severity"] = 3m,
            ["reported"] = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(8)),
            ["tags"] = new object?[] { "night", "school" },
            ["time limit"] = TimeSpan.FromHours(4),
        };

        const string source = "if severity >= 3 and category in (\"road\", \"bridge\") then reported + time limit else reported + time limit * 2";
        var parse = Measure(20_000, () => engine.ParseExpression(source));
        var expression = engine.ParseExpression(source).Expression!;
        var evaluate = Measure(20_000, () => engine.Evaluate(expression, variables));
        var listExpression = engine.ParseExpression("count(tags[starts with(item, \"n\")]) + sum(for i in 1..10 return i)").Expression!;
        var lists = Measure(20_000, () => engine.Evaluate(listExpression, variables));

        var tests = new[] { "-", "< 5", "[1..5]", "\"road\", \"bridge\"", "not(\"park\")", ">= 3" }
            .Select(t => engine.ParseUnaryTests(t).Expression!).ToArray();
        var inputs = new object?[] { 3m, 3m, 3m, "road", "road", 3m };
        var publicTest = Measure(50_000, () =>
        {
            for (var i = 0; i < tests.Length; i++)
            {
                engine.Test(tests[i], inputs[i], variables);
            }
        }).PerCall(tests.Length);

        var batch = new FeelBatch(engine, variables);
        var fastTest = Measure(200_000, () =>
        {
            for (var i = 0; i < tests.Length; i++)
            {
                batch.Test(tests[i], inputs[i]);
            }
        }).PerCall(tests.Length);

        // 50 rules x 6 inputs, every cell tested (no short-circuit), as a table evaluation would at worst.
        var table = Enumerable.Range(0, 50).Select(r => new[]
        {
            engine.ParseUnaryTests($"\"c{r % 7}\", \"road\"").Expression!,
            engine.ParseUnaryTests($"[{r % 4}..{(r % 4) + 2}]").Expression!,
            engine.ParseUnaryTests(r % 3 == 0 ? "-" : "< 10").Expression!,
            engine.ParseUnaryTests("not(\"park\")").Expression!,
            engine.ParseUnaryTests($">= {r % 5}").Expression!,
            engine.ParseUnaryTests("true").Expression!,
        }).ToArray();
        var row = new object?[] { "road", 3m, 7m, "street", 4m, true };
        var fullTable = Measure(5_000, () =>
        {
            var cells = new FeelBatch(engine, variables);
            foreach (var rule in table)
            {
                for (var k = 0; k < rule.Length; k++)
                {
                    cells.Test(rule[k], row[k]);
                }
            }
        });

        Print("parse if/and/in/temporal expression", parse);
        Print("evaluate it (public Evaluate)", evaluate);
        Print("evaluate filter + for + sum", lists);
        Print("unary test (public Test)", publicTest);
        Print("unary test (FeelBatch fast path)", fastTest);
        Print("50 x 6 cells, every cell tested", fullTable);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT feel_unary_test_ns={fastTest.Median * 1000:F1} feel_table_50x6_us={fullTable.Median:F2} feel_eval_us={evaluate.Median:F2}"));
    }

    private static void Print(string what, Timing t) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-40} {t.Median * 1000,10:F1} ns median {t.Fastest * 1000,10:F1} ns fastest batch"));

    /// <summary>Mean microseconds per call: the median batch, and the fastest (the better guide on a busy machine).</summary>
    private readonly record struct Timing(double Median, double Fastest)
    {
        public Timing PerCall(int calls) => new(Median / calls, Fastest / calls);
    }

    private static Timing Measure(int batchSize, Action action)
    {
        for (var i = 0; i < batchSize; i++)
        {
            action();
        }

        var means = new double[Batches];
        var watch = new Stopwatch();
        for (var b = 0; b < Batches; b++)
        {
            watch.Restart();
            for (var i = 0; i < batchSize; i++)
            {
                action();
            }

            means[b] = watch.Elapsed.TotalMicroseconds / batchSize;
        }

        Array.Sort(means);
        return new Timing(means[Batches / 2], means[0]);
    }
}
