using System.Globalization;
using System.Xml.Linq;
using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Tests.Dmn.Tck;

/// <summary>
/// Reads a TCK testCases file (namespace http://www.omg.org/spec/DMN/20160719/testcase) into typed values:
/// xsi:type decimal/string/boolean/date/time/dateTime/duration, xsi:nil, component → context, list/item → list.
/// Temporal values are built by FEEL itself so they compare with what decisions produce.
/// </summary>
public static class TckTestFileReader
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static IReadOnlyList<TckCase> ReadFolder(string folder, FeelEngine feel)
    {
        var cases = new List<TckCase>();
        foreach (var testFile in Directory.GetFiles(folder, "*-test-*.xml").Order(StringComparer.Ordinal))
        {
            cases.AddRange(ReadFile(testFile, feel));
        }

        return cases;
    }

    public static IReadOnlyList<TckCase> ReadFile(string testFile, FeelEngine feel)
    {
        var document = XDocument.Load(testFile);
        var ns = document.Root!.Name.Namespace;
        var folder = Path.GetDirectoryName(testFile)!;
        var modelName = document.Root.Element(ns + "modelName")?.Value.Trim();
        var modelPath = modelName is null
            ? Directory.GetFiles(folder, "*.dmn").Single()
            : Path.Combine(folder, modelName);
        return document.Root.Elements(ns + "testCase").Select(testCase => new TckCase(Path.GetFileName(folder), modelPath, (string?)testCase.Attribute("id") ?? "")
        {
            Inputs = testCase.Elements(ns + "inputNode").ToDictionary(
                node => (string)node.Attribute("name")!,
                node => ReadValue(node, ns, feel)),
            Results = testCase.Elements(ns + "resultNode").Select(node => new TckExpectedResult(
                (string)node.Attribute("name")!,
                node.Element(ns + "expected") is { } expected ? ReadValue(expected, ns, feel) : null,
                (bool?)node.Attribute("errorResult") ?? false)).ToList(),
        }).ToList();
    }

    /// <summary>Reads the value held by a node: a value element, components, or a list.</summary>
    private static object? ReadValue(XElement holder, XNamespace ns, FeelEngine feel)
    {
        if (holder.Element(ns + "value") is { } value)
        {
            return ReadSimple(value, feel);
        }

        if (holder.Element(ns + "list") is { } list)
        {
            return list.Elements(ns + "item").Select(item => ReadValue(item, ns, feel)).ToList();
        }

        var components = holder.Elements(ns + "component").ToList();
        if (components.Count > 0)
        {
            var context = new Dictionary<string, object?>();
            foreach (var component in components)
            {
                context[(string)component.Attribute("name")!] = ReadValue(component, ns, feel);
            }

            return context;
        }

        return null;
    }

    private static object? ReadSimple(XElement value, FeelEngine feel)
    {
        if ((bool?)value.Attribute(Xsi + "nil") == true)
        {
            return null;
        }

        var type = (string?)value.Attribute(Xsi + "type");
        var localType = type?[(type.IndexOf(':') + 1)..];
        var text = value.Value;
        return localType switch
        {
            "decimal" or "double" or "int" or "integer" or "long" or "float" => decimal.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture),
            "boolean" => bool.Parse(text.Trim()),
            "date" => Temporal(feel, "date", text),
            "time" => Temporal(feel, "time", text),
            "dateTime" => Temporal(feel, "date and time", text),
            "duration" => Temporal(feel, "duration", text),
            _ => text,
        };
    }

    private static object? Temporal(FeelEngine feel, string function, string text)
    {
        var parsed = feel.ParseExpression($"{function}(\"{text.Trim()}\")");
        return parsed.Expression is null ? null : feel.Evaluate(parsed.Expression, new Dictionary<string, object?>()).Value;
    }
}
