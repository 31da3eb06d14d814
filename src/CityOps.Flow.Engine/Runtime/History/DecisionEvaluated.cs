namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A business-rule task evaluated a decision.</summary>
public sealed record DecisionEvaluated(EventHeader Header, long TokenId, string DecisionId, int DecisionVersion, IReadOnlyList<string> MatchedRules) : HistoryEvent(Header)
{
    public override string Kind => "decision-evaluated";
}
