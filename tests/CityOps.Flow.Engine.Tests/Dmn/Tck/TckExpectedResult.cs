namespace CityOps.Flow.Engine.Tests.Dmn.Tck;

/// <summary>A resultNode: the decision to evaluate, the value it must produce, and whether it must report an error.</summary>
public sealed record TckExpectedResult(string DecisionName, object? Expected, bool ExpectsError = false);
