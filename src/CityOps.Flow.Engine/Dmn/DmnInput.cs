namespace CityOps.Flow.Engine.Dmn;

/// <summary>An input column: the expression whose value the rules test, and the values it may take.</summary>
public sealed record DmnInput(string? Id, string Label, DmnFeelExpression Expression, string? TypeRef)
{
    /// <summary>The inputValues unary tests; an input value outside them makes the evaluation fail.</summary>
    public DmnFeelExpression? AllowedValues { get; init; }
}
