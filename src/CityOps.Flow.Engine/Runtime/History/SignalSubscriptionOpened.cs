using CityOps.Flow.Engine.Runtime.Messages;

namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A token began waiting for a signal.</summary>
public sealed record SignalSubscriptionOpened(EventHeader Header, SignalSubscriptionRecord Subscription) : HistoryEvent(Header)
{
    public override string Kind => "signal-subscription-opened";
}
