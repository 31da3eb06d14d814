namespace CityOps.Flow.Engine.Feel;

/// <summary>A parse error at a 1-based line and column of the expression source.</summary>
public sealed record FeelError(string Message, int Line, int Column)
{
    public override string ToString() => $"{Message} at {Line}:{Column}";
}
