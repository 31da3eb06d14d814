namespace CityOps.Flow.Engine.Dmn;

/// <summary>An output column; its output values both restrict the entries and give PRIORITY/OUTPUT ORDER their order.</summary>
public sealed record DmnOutput(string? Id, string? Name, string? Label, string? TypeRef)
{
    public DmnFeelExpression? AllowedValues { get; init; }

    /// <summary>The output values as plain values, highest priority first; empty when none are listed.</summary>
    public IReadOnlyList<object?> PriorityOrder { get; init; } = [];

    public DmnFeelExpression? DefaultOutputEntry { get; init; }
}
