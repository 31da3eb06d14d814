namespace CityOps.Flow.Engine.Dmn;

/// <summary>A rule that fired: which decision, which row, and what it produced (the "why was this case routed here").</summary>
public sealed record DmnRuleMatch(string DecisionId, string DecisionName, string? RuleId, int RuleNumber)
{
    /// <summary>The rule's output entries by output name (a single unnamed output is keyed by the decision name).</summary>
    public IReadOnlyDictionary<string, object?> Outputs { get; init; } = new Dictionary<string, object?>();

    public IReadOnlyList<string> Annotations { get; init; } = [];

    public string? Description { get; init; }
}
