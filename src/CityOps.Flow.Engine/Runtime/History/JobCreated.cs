using CityOps.Flow.Engine.Runtime.Jobs;

namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A timer was scheduled.</summary>
public sealed record JobCreated(EventHeader Header, JobRecord Job) : HistoryEvent(Header)
{
    public override string Kind => "job-created";
}
