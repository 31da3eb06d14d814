namespace CityOps.Flow.Engine.Dmn;

/// <summary>A decision with its logic and what it requires: other decisions' results and input data.</summary>
public sealed record DmnDecision(string Id, string Name, DmnDecisionLogic Logic)
{
    public string? TypeRef { get; init; }

    /// <summary>Ids of the decisions this one requires, in document order.</summary>
    public IReadOnlyList<string> RequiredDecisions { get; init; } = [];

    /// <summary>Ids of the input data this one requires, in document order.</summary>
    public IReadOnlyList<string> RequiredInputs { get; init; } = [];

    public int Line { get; init; }

    public int Column { get; init; }
}
