using CityOps.Flow.Engine.Runtime.Tasks;

namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A user task opened for a token.</summary>
public sealed record UserTaskCreated(EventHeader Header, UserTaskRecord Task) : HistoryEvent(Header)
{
    public override string Kind => "task-created";
}
