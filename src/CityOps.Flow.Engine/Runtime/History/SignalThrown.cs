namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>The instance broadcast a signal.</summary>
public sealed record SignalThrown(EventHeader Header, string SignalName) : HistoryEvent(Header)
{
    public override string Kind => "signal-thrown";
}
