namespace CityOps.Flow.Engine.Feel;

/// <summary>
/// Bounds that keep any expression, however hostile, to finite time and memory: exceeding one ends the
/// parse with an error, or the evaluation with null and a warning.
/// </summary>
public sealed record FeelLimits(
    int MaxNestingDepth = 100,
    int MaxExpressionLength = 1_000_000,
    int MaxStringLength = 1_000_000,
    int MaxListSize = 1_000_000,
    long MaxEvaluationSteps = 10_000_000,
    int MaxCallDepth = 200,
    TimeSpan? MaxEvaluationTime = null)
{
    public static readonly FeelLimits Default = new();

    /// <summary>Wall-clock budget of one evaluation; two seconds unless set.</summary>
    public TimeSpan EvaluationTime => MaxEvaluationTime ?? TimeSpan.FromSeconds(2);
}
