namespace CityOps.Flow.Engine.Dmn;

/// <summary>The table's value after its hit policy, the rows that make it up, or why the hit policy was violated.</summary>
internal sealed record DmnHitOutcome(object? Value, IReadOnlyList<DmnHitRow> Selected, string? Error = null);
