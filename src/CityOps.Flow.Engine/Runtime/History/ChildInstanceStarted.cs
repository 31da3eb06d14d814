namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A call activity started an instance of another process.</summary>
public sealed record ChildInstanceStarted(EventHeader Header, long TokenId, Guid ChildInstanceId) : HistoryEvent(Header)
{
    public override string Kind => "child-instance-started";
}
