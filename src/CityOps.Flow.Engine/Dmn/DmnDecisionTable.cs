namespace CityOps.Flow.Engine.Dmn;

public sealed record DmnDecisionTable(
    string? Id,
    DmnHitPolicy HitPolicy,
    DmnAggregation Aggregation,
    IReadOnlyList<DmnInput> Inputs,
    IReadOnlyList<DmnOutput> Outputs,
    IReadOnlyList<DmnRule> Rules) : DmnDecisionLogic(Id)
{
    public string? OutputLabel { get; init; }

    /// <summary>Names of the DMN 1.3+ annotation columns.</summary>
    public IReadOnlyList<string> AnnotationNames { get; init; } = [];

    /// <summary>The hit policy as written in a table's corner: U, A, P, F, R, O, C, C+, C&lt;, C&gt;, C#.</summary>
    public string HitPolicyCode => HitPolicy switch
    {
        DmnHitPolicy.Unique => "U",
        DmnHitPolicy.Any => "A",
        DmnHitPolicy.Priority => "P",
        DmnHitPolicy.First => "F",
        DmnHitPolicy.RuleOrder => "R",
        DmnHitPolicy.OutputOrder => "O",
        _ => Aggregation switch
        {
            DmnAggregation.Sum => "C+",
            DmnAggregation.Min => "C<",
            DmnAggregation.Max => "C>",
            DmnAggregation.Count => "C#",
            _ => "C",
        },
    };
}
