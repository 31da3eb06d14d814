namespace CityOps.Flow.Engine.Dmn;

/// <summary>
/// The value of a decision in DMN's result shape (one output → value, several outputs → context, multiple hits → list,
/// C+/C&lt;/C&gt;/C# → aggregate), the rules that fired in it and in every decision it required, and what went wrong.
/// </summary>
public sealed record DmnDecisionResult(object? Value, IReadOnlyList<DmnRuleMatch> MatchedRules, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool Success => Errors.Count == 0;

    /// <summary>Values of the required decisions evaluated on the way, by decision name.</summary>
    public IReadOnlyDictionary<string, object?> RequiredDecisionValues { get; init; } = new Dictionary<string, object?>();
}
