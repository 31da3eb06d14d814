namespace CityOps.Flow.Engine.Dmn;

/// <summary>A matched rule with its evaluated output entries, in output column order.</summary>
internal sealed record DmnHitRow(DmnRule Rule, object?[] Outputs);
