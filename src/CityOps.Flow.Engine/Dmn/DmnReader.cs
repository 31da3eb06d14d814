using System.Xml;
using System.Xml.Linq;
using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Dmn;

/// <summary>
/// Reads DMN 1.1–1.5 XML into immutable, compiled definitions. Every FEEL expression and unary test is compiled
/// here, once, so evaluation never parses; a document with any problem is refused whole, with every problem listed.
/// </summary>
public sealed class DmnReader(FeelEngine feel)
{
    private static readonly Dictionary<string, string> VersionsByNamespace = new()
    {
        ["http://www.omg.org/spec/DMN/20151101/dmn.xsd"] = "1.1",
        ["http://www.omg.org/spec/DMN/20180521/MODEL/"] = "1.2",
        ["https://www.omg.org/spec/DMN/20191111/MODEL/"] = "1.3",
        ["https://www.omg.org/spec/DMN/20211108/MODEL/"] = "1.4",
        ["https://www.omg.org/spec/DMN/20230324/MODEL/"] = "1.5",
    };

    public DmnReadResult ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public DmnReadResult Read(Stream xml)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return Refused(new DmnProblem($"The file is not well-formed XML: {e.Message}", null, e.LineNumber, e.LinePosition));
        }

        return Read(document);
    }

    public DmnReadResult Read(string xml)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return Refused(new DmnProblem($"The file is not well-formed XML: {e.Message}", null, e.LineNumber, e.LinePosition));
        }

        return Read(document);
    }

    public DmnReadResult Read(XDocument document)
    {
        var root = document.Root!;
        if (root.Name.LocalName != "definitions" || !VersionsByNamespace.TryGetValue(root.Name.NamespaceName, out var version))
        {
            return Refused(Problem(root, null,
                $"Expected a DMN 1.1–1.5 <definitions> element but found <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}'."));
        }

        var ns = root.Name.Namespace;
        var knownNames = root.Elements(ns + "inputData").Concat(root.Elements(ns + "decision"))
            .Select(e => (string?)e.Attribute("name"))
            .OfType<string>()
            .ToHashSet();
        var elements = new DmnElementReader(ns, feel, knownNames);
        var expressionLanguage = (string?)root.Attribute("expressionLanguage");
        if (expressionLanguage is not null && !IsFeel(expressionLanguage))
        {
            elements.Problems.Add(Problem(root, (string?)root.Attribute("id"),
                $"Expression language '{expressionLanguage}' is not supported; only FEEL is."));
        }

        var itemDefinitions = root.Elements(elements.Ns + "itemDefinition").Select(elements.ReadItemDefinition).ToList();
        var inputData = root.Elements(elements.Ns + "inputData").Select(elements.ReadInputData).ToList();
        var decisions = root.Elements(elements.Ns + "decision").Select(elements.ReadDecision).OfType<DmnDecision>().ToList();

        DmnRequirementGraph.Check(decisions, inputData, elements.Problems);

        if (elements.Problems.Count > 0)
        {
            return new DmnReadResult(null, elements.Problems);
        }

        var definitions = new DmnDefinitions((string?)root.Attribute("id"), (string?)root.Attribute("name"), (string?)root.Attribute("namespace"), version)
        {
            Decisions = decisions,
            InputData = inputData,
            ItemDefinitions = itemDefinitions,
        };
        return new DmnReadResult(definitions, []);
    }

    internal static bool IsFeel(string language) =>
        language.Contains("FEEL", StringComparison.OrdinalIgnoreCase);

    internal static DmnProblem Problem(XObject at, string? elementId, string message)
    {
        var info = (IXmlLineInfo)at;
        return new DmnProblem(message, elementId, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0);
    }

    private static DmnReadResult Refused(DmnProblem problem) => new(null, [problem]);
}
