namespace CityOps.Flow.Cases.Intake.Clustering;

/// <summary>The clustering rule per category: an exact subclass code wins, then its class code, then the default.</summary>
public sealed class ClusteringPolicy(ClusteringRule defaultRule, IReadOnlyDictionary<string, ClusteringRule>? overrides = null)
{
    /// <summary>50 metres and 24 hours for every category.</summary>
    public static ClusteringPolicy Default { get; } = new(new ClusteringRule(50, TimeSpan.FromHours(24)));

    private readonly IReadOnlyDictionary<string, ClusteringRule> _overrides =
        overrides ?? new Dictionary<string, ClusteringRule>(StringComparer.Ordinal);

    public ClusteringRule DefaultRule => defaultRule;

    public ClusteringRule For(string categoryCode)
    {
        if (_overrides.TryGetValue(categoryCode, out var exact))
        {
            return exact;
        }

        return categoryCode.Length > 2 && _overrides.TryGetValue(categoryCode[..^2], out var byClass) ? byClass : defaultRule;
    }
}
