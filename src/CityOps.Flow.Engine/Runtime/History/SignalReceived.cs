namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A broadcast signal reached a waiting element of the instance.</summary>
public sealed record SignalReceived(EventHeader Header, string SignalName) : HistoryEvent(Header)
{
    public override string Kind => "signal-received";
}
