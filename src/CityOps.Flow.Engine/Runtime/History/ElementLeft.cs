namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>The token's element finished: completed, or cancelled by an interrupting event or a terminate.</summary>
public sealed record ElementLeft(EventHeader Header, long TokenId, bool Completed) : HistoryEvent(Header)
{
    public override string Kind => "element-left";
}
