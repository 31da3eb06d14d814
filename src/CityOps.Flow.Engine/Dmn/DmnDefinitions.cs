namespace CityOps.Flow.Engine.Dmn;

/// <summary>A read, validated and compiled DMN document; immutable, safe to share between threads.</summary>
public sealed record DmnDefinitions(string? Id, string? Name, string? Namespace, string DmnVersion)
{
    public required IReadOnlyList<DmnDecision> Decisions { get; init; }

    public IReadOnlyList<DmnInputData> InputData { get; init; } = [];

    public IReadOnlyList<DmnItemDefinition> ItemDefinitions { get; init; } = [];

    /// <summary>Finds a decision by id first, then by name; null when neither matches.</summary>
    public DmnDecision? FindDecision(string idOrName) => FindDecisionById(idOrName) ?? FindDecisionByName(idOrName);

    public DmnDecision? FindDecisionById(string id)
    {
        foreach (var decision in Decisions)
        {
            if (decision.Id == id)
            {
                return decision;
            }
        }

        return null;
    }

    public DmnDecision? FindDecisionByName(string name)
    {
        foreach (var decision in Decisions)
        {
            if (decision.Name == name)
            {
                return decision;
            }
        }

        return null;
    }

    public DmnInputData? FindInputData(string id) => InputData.FirstOrDefault(i => i.Id == id);
}
