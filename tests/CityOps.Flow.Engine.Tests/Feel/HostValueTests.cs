using System.Text.Json;
using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Tests.Feel;

public sealed class HostValueTests
{
    private sealed record Complaint(string Category, int Severity, DateTimeOffset Reported, IReadOnlyList<string> Tags);

    [Fact]
    public void Host_records_are_read_as_contexts_of_their_properties()
    {
        var complaint = new Complaint("噪音", 3, new DateTimeOffset(2026, 10, 1, 22, 0, 0, TimeSpan.FromHours(8)), ["night"]);
        Assert.Equal(true, Feel.Eval("c.Category = \"噪音\" and c.Severity >= 3 and c.Reported.hour >= 22 and list contains(c.Tags, \"night\")", ("c", complaint)));
    }

    [Fact]
    public void Json_process_variables_are_usable_directly()
    {
        using var doc = JsonDocument.Parse("""{"amount": 1250.50, "items": [{"sku": "A", "qty": 2}, {"sku": "B", "qty": 5}], "address": {"district": "浦东"}}""");
        var variables = new Dictionary<string, object?>();
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            variables[property.Name] = property.Value;
        }

        var parsed = Feel.Engine.ParseExpression("{big: amount > 1000, qty: sum(items.qty), skus: items[qty > 2].sku, district: address.district}");
        var value = Feel.Engine.Evaluate(parsed.Expression!, variables).Value;
        Assert.Equal("""{"big":true,"qty":7,"skus":["B"],"district":"浦东"}""", FeelJson.ToJson(value)!.ToJsonString(Relaxed));
    }

    [Theory]
    [InlineData("date(\"2026-10-01\")", "\"2026-10-01\"")]
    [InlineData("date and time(\"2026-10-01T08:00:00+08:00\")", "\"2026-10-01T08:00:00+08:00\"")]
    [InlineData("duration(\"PT4H\")", "\"PT4H\"")]
    [InlineData("duration(\"P1Y2M\")", "\"P1Y2M\"")]
    [InlineData("time(\"08:00:00\")", "\"08:00:00\"")]
    [InlineData("[1..5]", "\"[1..5]\"")]
    [InlineData("function(x) x", "null")]
    [InlineData("1.50", "1.50")]
    public void Temporal_values_are_written_to_json_as_iso_8601_strings(string expression, string json) =>
        Assert.Equal(json, FeelJson.ToJson(Feel.Eval(expression))?.ToJsonString(Relaxed) ?? "null");

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Json_numbers_too_large_for_decimal_become_null()
    {
        using var doc = JsonDocument.Parse("[1e400, 12345678901234567890123456789012345]");
        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(FeelJson.FromJson(doc.RootElement));
        Assert.Null(list[0]);
    }

    [Fact]
    public void Decision_table_cells_are_tested_through_one_batch()
    {
        var tests = new[] { "< 5", "\"road\", \"bridge\"", "-", "[1..3]", "not(\"park\")" }
            .Select(t => Feel.Engine.ParseUnaryTests(t).Expression!).ToArray();
        var batch = new FeelBatch(Feel.Engine, new Dictionary<string, object?> { ["limit"] = 5 });
        Assert.Equal([true, true, true, false, true], tests.Select((t, i) => batch.Test(t, FeelBatch.Normalize(new object?[] { 3, "road", null, 4, "street" }[i]))).ToArray());
        Assert.Equal(10m, batch.Evaluate(Feel.Engine.ParseExpression("limit * 2").Expression!));
        Assert.Empty(batch.Warnings);
    }

    [Fact]
    public void A_batch_that_ran_out_of_budget_reports_it_once_and_stops()
    {
        var engine = new FeelEngine(Feel.Clock, limits: new FeelLimits(MaxEvaluationSteps: 1000));
        var batch = new FeelBatch(engine, new Dictionary<string, object?>());
        var endless = engine.ParseUnaryTests("some i in 1..100000 satisfies i = ?").Expression!;
        Assert.Null(batch.Test(endless, -1m));
        Assert.Null(batch.Test(endless, 1m));
        Assert.Contains("exceeded 1000 steps", Assert.Single(batch.Warnings));
    }
}
