using System.Xml.Linq;
using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Dmn;

/// <summary>Reads one &lt;decisionTable&gt;: columns, rules, hit policy, and the checks that need the whole table.</summary>
internal sealed class DmnDecisionTableReader(DmnElementReader reader, FeelEngine feel, string decisionId, string decisionName)
{
    private readonly XNamespace ns = reader.Ns;
    private readonly int problemsBefore = reader.Problems.Count;

    public DmnDecisionTable? Read(XElement table)
    {
        var owner = $"Decision '{decisionName}'";
        reader.CheckLanguage(table, decisionId, owner);
        var (hitPolicy, aggregation) = ReadHitPolicy(table);

        var inputs = table.Elements(ns + "input").Select((e, i) => ReadInput(e, i + 1)).ToList();
        var outputElements = table.Elements(ns + "output").ToList();
        if (outputElements.Count == 0)
        {
            AddProblem(table, $"{owner}: the decision table has no output column.");
        }

        var outputs = outputElements.Select((e, i) => ReadOutput(e, i + 1, outputElements.Count, hitPolicy)).ToList();
        var annotationNames = table.Elements(ns + "annotation").Select(a => (string?)a.Attribute("name") ?? "").ToList();
        var rules = table.Elements(ns + "rule").Select((e, i) => ReadRule(e, i + 1, inputs, outputs)).ToList();

        if (aggregation != DmnAggregation.None && outputs.Count > 1)
        {
            AddProblem(table, $"{owner}: the {aggregation.ToString().ToUpperInvariant()} aggregation needs exactly one output column, but the table has {outputs.Count}.");
        }

        if (hitPolicy is DmnHitPolicy.Priority or DmnHitPolicy.OutputOrder && outputs.All(o => o is null || o.PriorityOrder.Count == 0))
        {
            AddProblem(table, $"{owner}: hit policy {(hitPolicy == DmnHitPolicy.Priority ? "PRIORITY" : "OUTPUT ORDER")} needs output values on at least one output column to order the outputs by.");
        }

        if (reader.Problems.Count > problemsBefore)
        {
            return null;
        }

        return new DmnDecisionTable((string?)table.Attribute("id"), hitPolicy, aggregation, inputs.OfType<DmnInput>().ToList(), outputs.OfType<DmnOutput>().ToList(), rules.OfType<DmnRule>().ToList())
        {
            OutputLabel = (string?)table.Attribute("outputLabel"),
            AnnotationNames = annotationNames,
        };
    }

    private (DmnHitPolicy, DmnAggregation) ReadHitPolicy(XElement table)
    {
        var text = ((string?)table.Attribute("hitPolicy"))?.Trim() ?? "UNIQUE";
        DmnHitPolicy? policy = text.ToUpperInvariant() switch
        {
            "UNIQUE" or "U" => DmnHitPolicy.Unique,
            "ANY" or "A" => DmnHitPolicy.Any,
            "PRIORITY" or "P" => DmnHitPolicy.Priority,
            "FIRST" or "F" => DmnHitPolicy.First,
            "RULE ORDER" or "R" => DmnHitPolicy.RuleOrder,
            "OUTPUT ORDER" or "O" => DmnHitPolicy.OutputOrder,
            "COLLECT" or "C" => DmnHitPolicy.Collect,
            _ => null,
        };
        if (policy is null)
        {
            AddProblem(table.Attribute("hitPolicy") ?? (XObject)table,
                $"Decision '{decisionName}': unknown hit policy '{text}'; expected UNIQUE, ANY, PRIORITY, FIRST, RULE ORDER, OUTPUT ORDER or COLLECT.");
            return (DmnHitPolicy.Unique, DmnAggregation.None);
        }

        var aggregationText = ((string?)table.Attribute("aggregation"))?.Trim();
        if (aggregationText is null)
        {
            return (policy.Value, DmnAggregation.None);
        }

        DmnAggregation? aggregation = aggregationText.ToUpperInvariant() switch
        {
            "SUM" => DmnAggregation.Sum,
            "MIN" => DmnAggregation.Min,
            "MAX" => DmnAggregation.Max,
            "COUNT" => DmnAggregation.Count,
            _ => null,
        };
        if (aggregation is null)
        {
            AddProblem(table.Attribute("aggregation")!, $"Decision '{decisionName}': unknown aggregation '{aggregationText}'; expected SUM, MIN, MAX or COUNT.");
            return (policy.Value, DmnAggregation.None);
        }

        if (policy != DmnHitPolicy.Collect)
        {
            AddProblem(table.Attribute("aggregation")!, $"Decision '{decisionName}': aggregation {aggregationText} is only allowed with the COLLECT hit policy, not {text}.");
        }

        return (policy.Value, aggregation.Value);
    }

    private DmnInput? ReadInput(XElement element, int number)
    {
        var expressionElement = element.Element(ns + "inputExpression");
        var text = expressionElement?.Element(ns + "text");
        var label = (string?)element.Attribute("label") ?? text?.Value.Trim() ?? $"input {number}";
        var owner = $"Decision '{decisionName}' input {number} ('{label}')";
        if (expressionElement is null || text is null)
        {
            AddProblem(element, $"{owner}: the input has no inputExpression text.");
            return null;
        }

        reader.CheckLanguage(expressionElement, decisionId, owner);
        var expression = reader.CompileExpression(text, text.Value, decisionId, $"{owner} expression");
        var allowedText = element.Element(ns + "inputValues")?.Element(ns + "text");
        var allowed = allowedText is null || string.IsNullOrWhiteSpace(allowedText.Value)
            ? null
            : reader.CompileUnaryTests(allowedText, allowedText.Value, decisionId, $"{owner} input values");
        return expression is null
            ? null
            : new DmnInput((string?)element.Attribute("id"), label, expression, (string?)expressionElement.Attribute("typeRef")) { AllowedValues = allowed };
    }

    private DmnOutput? ReadOutput(XElement element, int number, int outputCount, DmnHitPolicy hitPolicy)
    {
        var name = (string?)element.Attribute("name");
        var label = (string?)element.Attribute("label");
        var owner = $"Decision '{decisionName}' output {number}{(name is null ? "" : $" ('{name}')")}";
        if (outputCount > 1 && string.IsNullOrWhiteSpace(name))
        {
            AddProblem(element, $"{owner}: a table with several outputs needs a name on every output column.");
        }

        var valuesText = element.Element(ns + "outputValues")?.Element(ns + "text");
        DmnFeelExpression? allowed = null;
        IReadOnlyList<object?> priority = [];
        if (valuesText is not null && !string.IsNullOrWhiteSpace(valuesText.Value))
        {
            allowed = reader.CompileUnaryTests(valuesText, valuesText.Value, decisionId, $"{owner} output values");
            priority = PriorityOrder(valuesText, owner, hitPolicy);
        }

        var defaultText = element.Element(ns + "defaultOutputEntry")?.Element(ns + "text");
        var defaultEntry = defaultText is null
            ? null
            : reader.CompileExpression(defaultText, defaultText.Value, decisionId, $"{owner} default output entry");
        return new DmnOutput((string?)element.Attribute("id"), name, label, (string?)element.Attribute("typeRef"))
        {
            AllowedValues = allowed,
            PriorityOrder = priority,
            DefaultOutputEntry = defaultEntry,
        };
    }

    // Output values are unary tests, but for PRIORITY and OUTPUT ORDER they are a list of literal values read as
    // highest priority first; the list is evaluated here, once.
    private IReadOnlyList<object?> PriorityOrder(XElement valuesText, string owner, DmnHitPolicy hitPolicy)
    {
        var parsed = feel.ParseExpression($"[{valuesText.Value}]");
        var value = parsed.Success && parsed.Expression is not null
            ? feel.Evaluate(parsed.Expression, new Dictionary<string, object?>()).Value
            : null;
        if (value is IReadOnlyList<object?> list)
        {
            return list;
        }

        if (hitPolicy is DmnHitPolicy.Priority or DmnHitPolicy.OutputOrder)
        {
            AddProblem(valuesText, $"{owner}: output values \"{valuesText.Value.Trim()}\" must be a list of literal values to order a {(hitPolicy == DmnHitPolicy.Priority ? "PRIORITY" : "OUTPUT ORDER")} table.");
        }

        return [];
    }

    private DmnRule? ReadRule(XElement element, int number, List<DmnInput?> inputs, List<DmnOutput?> outputs)
    {
        var id = (string?)element.Attribute("id");
        var ruleName = id is null ? $"rule {number}" : $"rule {number} ({id})";
        var inputEntries = element.Elements(ns + "inputEntry").ToList();
        var outputEntries = element.Elements(ns + "outputEntry").ToList();
        var ok = true;
        if (inputEntries.Count != inputs.Count)
        {
            AddProblem(element, $"Decision '{decisionName}' {ruleName}: has {inputEntries.Count} input entries but the table has {inputs.Count} input columns.", id);
            ok = false;
        }

        if (outputEntries.Count != outputs.Count)
        {
            AddProblem(element, $"Decision '{decisionName}' {ruleName}: has {outputEntries.Count} output entries but the table has {outputs.Count} output columns.", id);
            ok = false;
        }

        var compiledInputs = new List<DmnFeelExpression?>();
        for (var i = 0; i < inputEntries.Count; i++)
        {
            var entry = inputEntries[i];
            var text = entry.Element(ns + "text");
            var source = string.IsNullOrWhiteSpace(text?.Value) ? "-" : text!.Value;
            var label = i < inputs.Count && inputs[i] is { } input ? $" ('{input.Label}')" : "";
            var owner = $"Decision '{decisionName}' {ruleName} input entry {i + 1}{label}";
            reader.CheckLanguage(entry, id, owner);
            compiledInputs.Add(reader.CompileUnaryTests(text ?? (XObject)entry, source, (string?)entry.Attribute("id") ?? id, owner));
        }

        var compiledOutputs = new List<DmnFeelExpression?>();
        for (var i = 0; i < outputEntries.Count; i++)
        {
            var entry = outputEntries[i];
            var text = entry.Element(ns + "text");
            var source = string.IsNullOrWhiteSpace(text?.Value) ? "null" : text!.Value;
            var name = i < outputs.Count && outputs[i]?.Name is { } n ? $" ('{n}')" : "";
            var owner = $"Decision '{decisionName}' {ruleName} output entry {i + 1}{name}";
            reader.CheckLanguage(entry, id, owner);
            compiledOutputs.Add(reader.CompileExpression(text ?? (XObject)entry, source, (string?)entry.Attribute("id") ?? id, owner));
        }

        if (!ok || compiledInputs.Contains(null) || compiledOutputs.Contains(null))
        {
            return null;
        }

        return new DmnRule(id, number, compiledInputs.OfType<DmnFeelExpression>().ToList(), compiledOutputs.OfType<DmnFeelExpression>().ToList())
        {
            Description = element.Element(ns + "description")?.Value.Trim(),
            Annotations = element.Elements(ns + "annotationEntry").Select(a => a.Element(ns + "text")?.Value.Trim() ?? "").ToList(),
        };
    }

    private void AddProblem(XObject at, string message, string? elementId = null) =>
        reader.Problems.Add(DmnReader.Problem(at, elementId ?? decisionId, message));
}
