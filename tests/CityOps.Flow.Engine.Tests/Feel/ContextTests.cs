using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Tests.Feel;

public sealed class ContextTests
{
    [Theory]
    [InlineData("{a: 1, \"b c\": 2}", "{a: 1, b c: 2}")]
    [InlineData("{a: 1, b: a + 1}.b", "2")]
    [InlineData("{street: \"人民路\", no: 12}.street", "\"人民路\"")]
    [InlineData("{x: {y: {z: 3}}}.x.y.z", "3")]
    [InlineData("{monthly income: 100, yearly income: monthly income * 12}.yearly income", "1200")]
    [InlineData("{}", "{}")]
    [InlineData("{a: 1}.b", "null")]
    [InlineData("get value({a: 1}, \"a\")", "1")]
    [InlineData("get value({a: 1}, \"z\")", "null")]
    [InlineData("get entries({a: 1, b: 2})", "[{key: \"a\", value: 1}, {key: \"b\", value: 2}]")]
    [InlineData("context put({a: 1}, \"b\", 2)", "{a: 1, b: 2}")]
    [InlineData("context put({a: 1, b: 2}, \"a\", 3)", "{a: 3, b: 2}")]
    [InlineData("context put({a: {b: 1}}, [\"a\", \"c\"], 2)", "{a: {b: 1, c: 2}}")]
    [InlineData("context merge([{a: 1}, {b: 2}, {a: 3}])", "{a: 3, b: 2}")]
    [InlineData("context([{key: \"a\", value: 1}])", "{a: 1}")]
    [InlineData("applicant.address.city", "\"上海\"")]
    [InlineData("applicant.tags[1]", "\"vip\"")]
    public void Contexts_and_paths(string expression, string expected) =>
        Assert.Equal(expected, Feel.Show(expression, ("applicant", new Dictionary<string, object?>
        {
            ["address"] = new Dictionary<string, object?> { ["city"] = "上海" },
            ["tags"] = new List<string> { "vip" },
        })));

    [Fact]
    public void Context_results_keep_insertion_order()
    {
        var context = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Feel.Eval("{z: 1, a: 2, m: 3}"));
        Assert.Equal(["z", "a", "m"], context.Keys);
    }

    [Fact]
    public void Duplicate_context_keys_are_a_parse_error() =>
        Assert.Contains("duplicate context key 'a'", Feel.ParseError("{a: 1, a: 2}").Message);

    [Fact]
    public void Json_values_round_trip_through_feel()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""{"case": {"priority": 2, "tags": ["road", "night"], "closed": false, "note": null}}""");
        var variables = new Dictionary<string, object?> { ["payload"] = doc.RootElement };
        var parsed = Feel.Engine.ParseExpression("{p: payload.case.priority + 1, t: count(payload.case.tags), c: payload.case.closed, d: date(\"2026-10-01\"), n: payload.case.note}");
        var value = Feel.Engine.Evaluate(parsed.Expression!, variables).Value;
        Assert.Equal("""{"p":3,"t":2,"c":false,"d":"2026-10-01","n":null}""", FeelJson.ToJson(value)!.ToJsonString());
    }
}
