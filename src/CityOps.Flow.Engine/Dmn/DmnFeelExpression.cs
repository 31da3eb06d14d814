using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Dmn;

/// <summary>A FEEL expression or unary test from the document, compiled once when the definitions were read.</summary>
public sealed record DmnFeelExpression(string Text, FeelExpression Compiled)
{
    /// <summary>The entry is "-": it matches every input and is skipped at evaluation.</summary>
    public bool MatchesAnything { get; init; }
}
