using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Engine.Runtime.Execution;

/// <summary>Finds the latest deployed version of a decision and evaluates it.</summary>
internal sealed class DecisionCatalog(IDefinitionStore store)
{
    public DecisionOutcome Evaluate(string decisionId, IReadOnlyDictionary<string, object?> variables)
    {
        if (store.FindDecisionResource(decisionId) is not { } resource)
        {
            return new DecisionOutcome(null, 0, [], $"decision '{decisionId}' is not deployed");
        }

        return new DecisionOutcome(null, resource.Version, [], $"decision '{decisionId}' cannot be evaluated yet ({variables.Count} inputs)");
    }
}
