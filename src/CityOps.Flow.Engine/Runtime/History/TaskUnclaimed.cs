namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>The assignee gave the task back to its candidates.</summary>
public sealed record TaskUnclaimed(EventHeader Header, Guid TaskId) : HistoryEvent(Header)
{
    public override string Kind => "task-unclaimed";
}
