namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A timer was removed before firing because its token left.</summary>
public sealed record JobCancelled(EventHeader Header, Guid JobId) : HistoryEvent(Header)
{
    public override string Kind => "job-cancelled";
}
