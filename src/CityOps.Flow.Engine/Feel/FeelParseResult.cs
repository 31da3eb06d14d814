namespace CityOps.Flow.Engine.Feel;

public sealed record FeelParseResult(FeelExpression? Expression, IReadOnlyList<FeelError> Errors)
{
    public bool Success => Expression is not null && Errors.Count == 0;
}
