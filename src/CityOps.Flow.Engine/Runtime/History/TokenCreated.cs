namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A token arrived at an element, through a flow or as the child of a scope.</summary>
public sealed record TokenCreated(EventHeader Header, long TokenId, long ParentTokenId, string? FlowId) : HistoryEvent(Header)
{
    public override string Kind => "token-created";
}
