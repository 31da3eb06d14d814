using System.Text.RegularExpressions;
using CityOps.Flow.Engine.Bpmn.Model;

namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>
/// A conservative look at whether a set of gateway conditions can all be false at once. It recognises only the
/// common complete shapes (a literal true; X and not(X); a comparison and its negation on the same operands);
/// anything else is assumed able to all be false, which only costs a warning. It assumes the variables are set: with a
/// null variable every comparison is null, and the runtime raises an incident whatever the conditions.
/// </summary>
internal static partial class ConditionCoverage
{
    private static readonly Dictionary<string, string> Negations = new(StringComparer.Ordinal)
    {
        ["<"] = ">=", [">="] = "<", [">"] = "<=", ["<="] = ">", ["="] = "!=", ["!="] = "=",
    };

    public static bool MayAllBeFalse(IReadOnlyList<BpmnExpression> conditions)
    {
        var texts = conditions.Select(c => Normalize(c.Source)).ToList();
        if (texts.Contains("true"))
        {
            return false;
        }

        foreach (var text in texts)
        {
            if (texts.Contains($"not({text})"))
            {
                return false;
            }

            if (Comparison().Match(text) is { Success: true } match)
            {
                var negated = match.Groups["left"].Value + Negations[match.Groups["op"].Value] + match.Groups["right"].Value;
                if (texts.Contains(negated))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string Normalize(string source) => Whitespace().Replace(source, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?<left>[^<>=!]+)(?<op><=|>=|!=|<|>|=)(?<right>[^<>=!]+)$")]
    private static partial Regex Comparison();
}
