namespace CityOps.Flow.Engine.Feel;

/// <summary>
/// Bounds that keep any expression, however hostile, to finite time and memory: exceeding one ends the
/// parse with an error, or the evaluation with null and a warning.
/// </summary>
/// <param name="MaxNestingDepth">Parenthesis, bracket, call and operator nesting the parser accepts.</param>
/// <param name="MaxExpressionLength">Characters of source the parser accepts.</param>
/// <param name="MaxStringLength">Characters of any string an evaluation creates.</param>
/// <param name="MaxListSize">Items of any list an evaluation creates (and of any range a <c>for</c> counts through).</param>
/// <param name="MaxEvaluationSteps">Iterations, filter items and function calls of one evaluation.</param>
/// <param name="MaxCallDepth">Nested function calls (user-defined recursion).</param>
/// <param name="MaxEvaluationTime">Wall-clock time of one evaluation; two seconds when null.</param>
/// <param name="MaxAllocation">Characters of all strings plus items of all lists one evaluation creates.</param>
public sealed record FeelLimits(
    int MaxNestingDepth = 100,
    int MaxExpressionLength = 1_000_000,
    int MaxStringLength = 1_000_000,
    int MaxListSize = 1_000_000,
    long MaxEvaluationSteps = 10_000_000,
    int MaxCallDepth = 200,
    TimeSpan? MaxEvaluationTime = null,
    long MaxAllocation = 10_000_000)
{
    public static readonly FeelLimits Default = new();

    /// <summary>Wall-clock budget of one evaluation.</summary>
    public TimeSpan EvaluationTime => MaxEvaluationTime ?? TimeSpan.FromSeconds(2);
}
