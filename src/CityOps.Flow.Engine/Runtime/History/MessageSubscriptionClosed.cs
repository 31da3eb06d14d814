namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A token stopped waiting for a message.</summary>
public sealed record MessageSubscriptionClosed(EventHeader Header, Guid SubscriptionId) : HistoryEvent(Header)
{
    public override string Kind => "message-subscription-closed";
}
