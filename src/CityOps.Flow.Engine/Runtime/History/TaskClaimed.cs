namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A candidate took the task.</summary>
public sealed record TaskClaimed(EventHeader Header, Guid TaskId, string UserId) : HistoryEvent(Header)
{
    public override string Kind => "task-claimed";
}
