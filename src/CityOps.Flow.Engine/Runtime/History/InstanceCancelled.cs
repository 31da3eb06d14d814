namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>An operator or a parent scope cancelled the instance.</summary>
public sealed record InstanceCancelled(EventHeader Header, string Reason) : HistoryEvent(Header)
{
    public override string Kind => "instance-cancelled";
}
