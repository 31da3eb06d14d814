namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>Someone with the right to do so set the task's assignee (null clears it).</summary>
public sealed record TaskAssigned(EventHeader Header, Guid TaskId, string? Assignee) : HistoryEvent(Header)
{
    public override string Kind => "task-assigned";
}
