namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>The task closed without completion because its token was cancelled.</summary>
public sealed record TaskCancelled(EventHeader Header, Guid TaskId) : HistoryEvent(Header)
{
    public override string Kind => "task-cancelled";
}
