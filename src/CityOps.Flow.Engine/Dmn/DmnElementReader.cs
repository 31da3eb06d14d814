using System.Xml.Linq;
using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Dmn;

/// <summary>Reads the elements of one DMN document, compiling FEEL as it goes and collecting every problem.</summary>
internal sealed class DmnElementReader(XNamespace ns, FeelEngine feel, IReadOnlyCollection<string> knownNames)
{
    public XNamespace Ns { get; } = ns;

    public List<DmnProblem> Problems { get; } = [];

    public DmnItemDefinition ReadItemDefinition(XElement element)
    {
        var name = (string?)element.Attribute("name") ?? (string?)element.Attribute("label") ?? "";
        return new DmnItemDefinition(name, element.Element(Ns + "typeRef")?.Value.Trim(), (bool?)element.Attribute("isCollection") ?? false)
        {
            AllowedValuesText = element.Element(Ns + "allowedValues")?.Element(Ns + "text")?.Value,
            Components = element.Elements(Ns + "itemComponent").Select(ReadItemDefinition).ToList(),
        };
    }

    public DmnInputData ReadInputData(XElement element)
    {
        var id = (string?)element.Attribute("id") ?? "";
        var name = (string?)element.Attribute("name") ?? (string?)element.Element(Ns + "variable")?.Attribute("name") ?? id;
        if (id.Length == 0)
        {
            Problems.Add(DmnReader.Problem(element, null, $"Input data '{name}' has no id."));
        }

        return new DmnInputData(id, name, (string?)element.Element(Ns + "variable")?.Attribute("typeRef"));
    }

    public DmnDecision? ReadDecision(XElement element)
    {
        var id = (string?)element.Attribute("id");
        var name = (string?)element.Attribute("name") ?? (string?)element.Element(Ns + "variable")?.Attribute("name");
        if (id is null || name is null)
        {
            Problems.Add(DmnReader.Problem(element, id, "A decision needs both an id and a name."));
            return null;
        }

        var requiredDecisions = new List<string>();
        var requiredInputs = new List<string>();
        foreach (var requirement in element.Elements(Ns + "informationRequirement"))
        {
            if (Reference(requirement.Element(Ns + "requiredDecision")) is { } decisionId)
            {
                requiredDecisions.Add(decisionId);
            }
            else if (Reference(requirement.Element(Ns + "requiredInput")) is { } inputId)
            {
                requiredInputs.Add(inputId);
            }
            else
            {
                Problems.Add(DmnReader.Problem(requirement, id, $"Decision '{name}' has an information requirement without a requiredDecision or requiredInput href."));
            }
        }

        var logic = ReadLogic(element, id, name);
        if (logic is null)
        {
            return null;
        }

        var line = (System.Xml.IXmlLineInfo)element;
        return new DmnDecision(id, name, logic)
        {
            TypeRef = (string?)element.Element(Ns + "variable")?.Attribute("typeRef"),
            RequiredDecisions = requiredDecisions,
            RequiredInputs = requiredInputs,
            Line = line.LineNumber,
            Column = line.LinePosition,
        };
    }

    private static string? Reference(XElement? element)
    {
        var href = (string?)element?.Attribute("href");
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var hash = href.IndexOf('#');
        return hash >= 0 ? href[(hash + 1)..] : href;
    }

    private DmnDecisionLogic? ReadLogic(XElement decision, string id, string name)
    {
        if (decision.Element(Ns + "decisionTable") is { } table)
        {
            return new DmnDecisionTableReader(this, feel, id, name).Read(table);
        }

        if (decision.Element(Ns + "literalExpression") is { } literal)
        {
            var text = literal.Element(Ns + "text");
            if (!CheckLanguage(literal, id, name))
            {
                return null;
            }

            var expression = CompileExpression(text, text?.Value ?? "null", id, $"Decision '{name}' literal expression");
            return expression is null ? null : new DmnLiteralExpression((string?)literal.Attribute("id"), expression, (string?)literal.Attribute("typeRef"));
        }

        var logic = decision.Elements().FirstOrDefault(e => e.Name.LocalName is not ("variable" or "informationRequirement"
            or "knowledgeRequirement" or "authorityRequirement" or "description" or "extensionElements" or "question"
            or "allowedAnswers" or "supportedObjective" or "impactedPerformanceIndicator" or "decisionMaker"
            or "decisionOwner" or "usingProcess" or "usingTask"));
        Problems.Add(DmnReader.Problem(logic ?? decision, id, logic is null
            ? $"Decision '{name}' has no decision logic; a decision table or a literal expression is required."
            : $"Decision '{name}' uses <{logic.Name.LocalName}>, which is not supported; use a decision table or a literal expression."));
        return null;
    }

    public bool CheckLanguage(XElement element, string? id, string owner)
    {
        var language = (string?)element.Attribute("expressionLanguage");
        if (language is null || DmnReader.IsFeel(language))
        {
            return true;
        }

        Problems.Add(DmnReader.Problem(element, id, $"{owner}: expression language '{language}' is not supported; only FEEL is."));
        return false;
    }

    public DmnFeelExpression? CompileExpression(XObject? at, string text, string? elementId, string owner) =>
        Compile(at, text, elementId, owner, unaryTests: false);

    public DmnFeelExpression? CompileUnaryTests(XObject? at, string text, string? elementId, string owner) =>
        Compile(at, text, elementId, owner, unaryTests: true);

    private DmnFeelExpression? Compile(XObject? at, string text, string? elementId, string owner, bool unaryTests)
    {
        // Input data and decision names may hold keywords or operators ("full-time", "time in hours"); FEEL reads
        // them as names only when told they exist.
        var parsed = unaryTests ? feel.ParseUnaryTests(text, knownNames) : feel.ParseExpression(text, knownNames);
        if (parsed.Success && parsed.Expression is not null)
        {
            return new DmnFeelExpression(text, parsed.Expression) { MatchesAnything = unaryTests && text.Trim() == "-" };
        }

        foreach (var error in parsed.Errors.DefaultIfEmpty(new FeelError("the expression could not be compiled", 1, 1)))
        {
            var problem = DmnReader.Problem(at ?? new XText(""), elementId,
                $"{owner}: {error.Message} at FEEL line {error.Line}, column {error.Column} of \"{text.Trim()}\".");
            Problems.Add(problem);
        }

        return null;
    }
}
