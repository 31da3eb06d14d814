using CityOps.Flow.Engine.Runtime.Messages;

namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A token began waiting for a message.</summary>
public sealed record MessageSubscriptionOpened(EventHeader Header, MessageSubscriptionRecord Subscription) : HistoryEvent(Header)
{
    public override string Kind => "message-subscription-opened";
}
