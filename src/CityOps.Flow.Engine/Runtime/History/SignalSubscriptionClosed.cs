namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A token stopped waiting for a signal.</summary>
public sealed record SignalSubscriptionClosed(EventHeader Header, Guid SubscriptionId) : HistoryEvent(Header)
{
    public override string Kind => "signal-subscription-closed";
}
