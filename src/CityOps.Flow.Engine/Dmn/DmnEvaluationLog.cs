namespace CityOps.Flow.Engine.Dmn;

/// <summary>What one evaluation of a decision (and the decisions it requires) fired, produced and complained about.</summary>
internal sealed class DmnEvaluationLog
{
    public List<DmnRuleMatch> Matches { get; } = [];

    public List<string> Errors { get; } = [];

    public List<string> Warnings { get; } = [];

    public Dictionary<string, object?> DecisionValues { get; } = [];

    public void AddWarnings(IReadOnlyList<string> warnings, string where)
    {
        for (var i = 0; i < warnings.Count; i++)
        {
            Warnings.Add($"{where}: {warnings[i]}");
        }
    }
}
