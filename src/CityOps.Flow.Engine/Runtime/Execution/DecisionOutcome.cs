namespace CityOps.Flow.Engine.Runtime.Execution;

/// <summary>A decision's result for a business-rule task, or why there is none.</summary>
internal sealed record DecisionOutcome(object? Value, int Version, IReadOnlyList<string> MatchedRules, string? Error);
