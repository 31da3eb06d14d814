namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>The task was completed; its token moves on.</summary>
public sealed record TaskCompleted(EventHeader Header, Guid TaskId) : HistoryEvent(Header)
{
    public override string Kind => "task-completed";
}
