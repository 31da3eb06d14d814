namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>
/// One step of an instance. The stream of these is the instance: <see cref="State.ProcessInstanceState.Apply"/> folds
/// them into tokens, variables, tasks, jobs and subscriptions, and the engine changes state only by appending them.
/// </summary>
public abstract record HistoryEvent(EventHeader Header)
{
    public long Sequence => Header.Sequence;
    public Guid InstanceId => Header.InstanceId;
    public DateTimeOffset Time => Header.Time;
    public string Actor => Header.Actor;
    public string? ElementId => Header.ElementId;

    /// <summary>The event's name as an auditor reads it, e.g. <c>task-claimed</c>.</summary>
    public abstract string Kind { get; }
}
