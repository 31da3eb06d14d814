namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>The token's element became active (input mappings applied).</summary>
public sealed record ElementEntered(EventHeader Header, long TokenId) : HistoryEvent(Header)
{
    public override string Kind => "element-entered";
}
