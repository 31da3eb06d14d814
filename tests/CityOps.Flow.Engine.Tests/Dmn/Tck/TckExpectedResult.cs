namespace CityOps.Flow.Engine.Tests.Dmn.Tck;

/// <summary>A resultNode: the decision to evaluate and the value it must produce.</summary>
public sealed record TckExpectedResult(string DecisionName, object? Expected);
