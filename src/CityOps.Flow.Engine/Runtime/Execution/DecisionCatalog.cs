using System.Collections.Concurrent;
using System.Text;
using CityOps.Flow.Engine.Dmn;
using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Engine.Runtime.Execution;

/// <summary>Finds the latest deployed version of a decision, reads it once per version, and evaluates it.</summary>
internal sealed class DecisionCatalog(IDefinitionStore store, DmnReader reader, DmnEvaluator evaluator)
{
    private readonly ConcurrentDictionary<(string DefinitionsId, int Version), DmnReadResult> _read = new();

    public DmnReadResult Read(string xml) => reader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    public DecisionOutcome Evaluate(string decisionId, IReadOnlyDictionary<string, object?> variables)
    {
        if (store.FindDecisionResource(decisionId) is not { } resource)
        {
            return new DecisionOutcome(null, 0, [], $"decision '{decisionId}' is not deployed");
        }

        var read = _read.GetOrAdd((resource.DefinitionsId, resource.Version), _ => Read(resource.Xml));
        if (read.Definitions is not { } definitions)
        {
            return new DecisionOutcome(null, resource.Version, [], $"stored DMN '{resource.ResourceName}' no longer reads: {string.Join("; ", read.Problems)}");
        }

        var result = evaluator.Evaluate(definitions, decisionId, variables);
        return result.Errors.Count > 0
            ? new DecisionOutcome(null, resource.Version, [], string.Join("; ", result.Errors))
            : new DecisionOutcome(result.Value, resource.Version, [.. result.MatchedRules.Select(m => m.RuleId ?? $"{m.DecisionId}#{m.RuleNumber}")], null);
    }
}
