using System.Globalization;
using System.Text;

namespace CityOps.Flow.Benchmarks.Dmn;

/// <summary>
/// A realistic routing table: 50 UNIQUE rules over category code, street, channel, severity, cluster size and the
/// public-safety flag, giving handling level, department, time limit (hours) and priority. Category and severity
/// band partition the rules; the other columns only narrow them, so at most one rule can match.
/// </summary>
internal static class RoutingTable
{
    public static readonly string[] Categories = ["0101", "0102", "0201", "0202", "0301", "0302", "0401", "0501", "0601", "0701"];
    public static readonly string[] Streets = ["南京东路街道", "外滩街道", "半淞园路街道", "小东门街道", "豫园街道", "老西门街道"];
    public static readonly string[] Channels = ["hotline", "grid", "iot", "video", "app"];

    private static readonly string[] Departments = ["城管执法局", "市容绿化局", "建管委", "水务局", "生态环境局", "住建委", "交警支队", "消防救援支队", "市场监管局", "房管局"];
    private static readonly string[] SeverityBands = ["<= 1", "(1..2]", "(2..3]", "(3..4]", "> 4"];
    private static readonly string[] StreetTests = ["-", "\"南京东路街道\",\"外滩街道\",\"豫园街道\"", "not(\"外滩街道\")", "-", "-"];
    private static readonly string[] ChannelTests = ["-", "not(\"iot\")", "\"hotline\",\"app\",\"grid\"", "-", "-", "-"];
    private static readonly string[] ClusterTests = ["-", "< 20", "-", ">= 1", "-", "[1..50]", "-"];
    private static readonly string[] SafetyTests = ["-", "-", "false", "-", "true,false", "-", "-", "-"];

    public static string Xml()
    {
        var xml = new StringBuilder();
        xml.AppendLine("""<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" id="routing" name="Case routing" namespace="https://cityops.example/dmn/routing">""");
        xml.AppendLine("""  <decision id="route" name="Route case"><decisionTable hitPolicy="UNIQUE">""");
        Input("category code", "string");
        Input("street", "string");
        Input("channel", "string", "\"hotline\",\"grid\",\"iot\",\"video\",\"app\"");
        Input("severity", "number");
        Input("cluster size", "number");
        Input("public safety", "boolean");
        xml.AppendLine("""    <output name="level" typeRef="string"><outputValues><text>"district","street","community"</text></outputValues><defaultOutputEntry><text>"dispatcher"</text></defaultOutputEntry></output>""");
        xml.AppendLine("""    <output name="department" typeRef="string"><defaultOutputEntry><text>"指挥中心"</text></defaultOutputEntry></output>""");
        xml.AppendLine("""    <output name="time limit" typeRef="number"><defaultOutputEntry><text>24</text></defaultOutputEntry></output>""");
        xml.AppendLine("""    <output name="priority" typeRef="string"><outputValues><text>"urgent","high","normal"</text></outputValues><defaultOutputEntry><text>"normal"</text></defaultOutputEntry></output>""");
        var n = 0;
        for (var c = 0; c < Categories.Length; c++)
        {
            for (var s = 0; s < SeverityBands.Length; s++, n++)
            {
                var level = s >= 3 ? "district" : s >= 1 ? "street" : "community";
                var hours = (5 - s) * 24 / (c % 3 + 1);
                var priority = s >= 4 ? "urgent" : s >= 2 ? "high" : "normal";
                xml.Append($"""    <rule id="rule{n + 1}">""");
                Entry("input", $"\"{Categories[c]}\"");
                Entry("input", StreetTests[n % StreetTests.Length]);
                Entry("input", ChannelTests[n % ChannelTests.Length]);
                Entry("input", SeverityBands[s]);
                Entry("input", ClusterTests[n % ClusterTests.Length]);
                Entry("input", SafetyTests[n % SafetyTests.Length]);
                Entry("output", $"\"{level}\"");
                Entry("output", $"\"{Departments[c]}\"");
                Entry("output", hours.ToString(CultureInfo.InvariantCulture));
                Entry("output", $"\"{priority}\"");
                xml.AppendLine("</rule>");
            }
        }

        xml.AppendLine("  </decisionTable></decision>");
        xml.AppendLine("</definitions>");
        return xml.ToString();

        void Input(string name, string type, string? allowed = null) =>
            xml.AppendLine($"""    <input label="{name}"><inputExpression typeRef="{type}"><text>{name}</text></inputExpression>{(allowed is null ? "" : $"<inputValues><text>{allowed}</text></inputValues>")}</input>""");

        void Entry(string kind, string text) =>
            xml.Append($"<{kind}Entry><text>{System.Security.SecurityElement.Escape(text)}</text></{kind}Entry>");
    }

    /// <summary>Varied cases as the intake would hand them over; a fixed seed keeps runs comparable.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> Cases(int count)
    {
        var random = new Random(12345);
        var cases = new List<IReadOnlyDictionary<string, object?>>(count);
        for (var i = 0; i < count; i++)
        {
            cases.Add(new Dictionary<string, object?>
            {
                ["category code"] = Categories[random.Next(Categories.Length)],
                ["street"] = Streets[random.Next(Streets.Length)],
                ["channel"] = Channels[random.Next(Channels.Length)],
                ["severity"] = (decimal)random.Next(1, 6),
                ["cluster size"] = (decimal)random.Next(1, 30),
                ["public safety"] = random.Next(4) == 0,
            });
        }

        return cases;
    }
}
