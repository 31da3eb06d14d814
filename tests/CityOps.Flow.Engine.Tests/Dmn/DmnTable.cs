using System.Security;
using System.Text;
using CityOps.Flow.Engine.Dmn;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Scheduling;

namespace CityOps.Flow.Engine.Tests.Dmn;

/// <summary>Writes small DMN 1.5 documents with one decision table, the way a modeller would draw them.</summary>
internal static class DmnTable
{
    public const string Dmn15 = "https://www.omg.org/spec/DMN/20230324/MODEL/";

    public static FeelEngine Feel { get; } = new(new AdjustableClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8))));

    /// <summary>A column is "expression" or "expression|allowed values"; an output is "name" or "name|output values|default".</summary>
    public static string Xml(string hitPolicy, string[] inputs, string[] outputs, params string[][] rules)
    {
        var xml = new StringBuilder();
        xml.AppendLine($"""<definitions xmlns="{Dmn15}" id="routing" name="Routing" namespace="https://cityops.example/dmn">""");
        xml.AppendLine("""  <decision id="route" name="Route">""");
        var (policy, aggregation) = hitPolicy.Split(' ') is [var p, var a] && a is "SUM" or "MIN" or "MAX" or "COUNT" ? (p, a) : (hitPolicy, null);
        xml.AppendLine($"""    <decisionTable id="table" hitPolicy="{policy}"{(aggregation is null ? "" : $" aggregation=\"{aggregation}\"")}>""");
        for (var i = 0; i < inputs.Length; i++)
        {
            var parts = inputs[i].Split('|');
            xml.AppendLine($"""      <input id="in{i + 1}" label="{Escape(parts[0])}"><inputExpression typeRef="Any"><text>{Escape(parts[0])}</text></inputExpression>{(parts.Length > 1 ? $"<inputValues><text>{Escape(parts[1])}</text></inputValues>" : "")}</input>""");
        }

        for (var i = 0; i < outputs.Length; i++)
        {
            var parts = outputs[i].Split('|');
            var values = parts.Length > 1 && parts[1].Length > 0 ? $"<outputValues><text>{Escape(parts[1])}</text></outputValues>" : "";
            var fallback = parts.Length > 2 ? $"<defaultOutputEntry><text>{Escape(parts[2])}</text></defaultOutputEntry>" : "";
            xml.AppendLine($"""      <output id="out{i + 1}" name="{Escape(parts[0])}">{values}{fallback}</output>""");
        }

        xml.AppendLine("""      <annotation name="Why"/>""");
        for (var r = 0; r < rules.Length; r++)
        {
            xml.Append($"""      <rule id="r{r + 1}">""");
            for (var e = 0; e < rules[r].Length; e++)
            {
                var element = e < inputs.Length ? "inputEntry" : "outputEntry";
                xml.Append($"<{element}><text>{Escape(rules[r][e])}</text></{element}>");
            }

            xml.AppendLine($"<annotationEntry><text>rule {r + 1} note</text></annotationEntry></rule>");
        }

        xml.AppendLine("    </decisionTable>");
        xml.AppendLine("  </decision>");
        xml.AppendLine("</definitions>");
        return xml.ToString();
    }

    public static DmnDefinitions Read(string xml)
    {
        var result = new DmnReader(Feel).Read(xml);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Problems));
        return result.Definitions!;
    }

    public static DmnDecisionResult Evaluate(string xml, params (string Name, object? Value)[] variables) =>
        new DmnEvaluator(Feel).Evaluate(Read(xml), "route", variables.ToDictionary(v => v.Name, v => v.Value));

    private static string Escape(string text) => SecurityElement.Escape(text);
}
