namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A message reached the instance; <c>BufferedAt</c> is set when it had waited in the buffer.</summary>
public sealed record MessageCorrelated(EventHeader Header, string MessageName, string CorrelationKey, DateTimeOffset? BufferedAt) : HistoryEvent(Header)
{
    public override string Kind => "message-correlated";
}
