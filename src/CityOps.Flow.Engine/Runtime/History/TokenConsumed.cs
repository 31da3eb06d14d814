namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>The token ceased to exist (moved on, merged in a join, or cancelled); its local variables go with it.</summary>
public sealed record TokenConsumed(EventHeader Header, long TokenId) : HistoryEvent(Header)
{
    public override string Kind => "token-consumed";
}
