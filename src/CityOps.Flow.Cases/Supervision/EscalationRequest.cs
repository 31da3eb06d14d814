namespace CityOps.Flow.Cases.Supervision;

/// <summary>What the escalation table (<c>workflows/escalation.dmn</c>, decision <c>escalation</c>) reads about a case.</summary>
public sealed record EscalationRequest(double FractionUsed, int ClusterSize, bool PublicSafety)
{
    public const string DecisionId = "escalation";

    /// <summary>The fraction of the limit used, from working time elapsed and the limit, both in working time.</summary>
    public static double Fraction(TimeSpan workingTimeElapsed, TimeSpan workingTimeLimit) =>
        workingTimeLimit > TimeSpan.Zero
            ? Math.Max(0, workingTimeElapsed / workingTimeLimit)
            : throw new ArgumentOutOfRangeException(nameof(workingTimeLimit), "a time limit is longer than zero");

    public IReadOnlyDictionary<string, object?> ToVariables() => new Dictionary<string, object?>
    {
        ["fractionUsed"] = Math.Round(FractionUsed, 6),
        ["clusterSize"] = ClusterSize,
        ["publicSafety"] = PublicSafety,
    };
}
