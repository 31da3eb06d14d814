using System.Xml.Linq;
using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>Turns attribute and element texts into literals or checked FEEL expressions.</summary>
internal static class ExpressionReader
{
    /// <summary>A literal, or an expression when the text starts with '='; null when absent or blank.</summary>
    public static BpmnValue? Value(ProcessContext context, XObject at, string elementId, string what, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.StartsWith('=')
            ? BpmnValue.FromExpression(Compile(context, at, elementId, what, trimmed[1..]))
            : BpmnValue.FromLiteral(trimmed);
    }

    /// <summary>A place that only takes an expression; the leading '=' is optional there.</summary>
    public static BpmnExpression? Expression(ProcessContext context, XObject at, string elementId, string what, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return Compile(context, at, elementId, what, trimmed.StartsWith('=') ? trimmed[1..] : trimmed);
    }

    private static BpmnExpression Compile(ProcessContext context, XObject at, string elementId, string what, string source)
    {
        var text = source.Trim();
        if (text.Length == 0)
        {
            context.Require(at, elementId, $"{what} is an empty expression ('=' with nothing after it)");
            return new BpmnExpression(text);
        }

        var parsed = (context.Options.Feel ?? FeelEngine.Neutral).ParseExpression(text);
        if (parsed.Expression is null)
        {
            var first = parsed.Errors.FirstOrDefault();
            var where = first is null ? "" : $" at line {first.Line}, column {first.Column} of the expression";
            context.Require(at, elementId, $"{what} is not valid FEEL{where}: {first?.Message ?? "it does not parse"} (in '{text}')");
        }

        return new BpmnExpression(text) { Compiled = parsed.Expression };
    }
}
