using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Scheduling.Timers;
using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Storage.Tests.Workflows;

/// <summary>Builds the history of a small complaint instance by hand, as the engine would append it.</summary>
internal sealed class InstanceEvents(Guid instanceId, DateTimeOffset start)
{
    private readonly List<HistoryEvent> events = [];

    public Guid InstanceId { get; } = instanceId;

    public IReadOnlyList<HistoryEvent> All => events;

    public long NextSequence => events.Count + 1;

    public static UserTaskRecord Task(Guid instanceId, long tokenId, string elementId, DateTimeOffset created) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instanceId,
        TokenId = tokenId,
        ElementId = elementId,
        ProcessId = "complaint",
        ProcessVersion = 1,
        Name = elementId,
        CreatedAt = created,
    };

    public static JobRecord Timer(Guid? instanceId, string elementId, DateTimeOffset due, long? tokenId = null) => new()
    {
        Id = Guid.NewGuid(),
        Kind = instanceId is null ? JobKind.TimerStart : JobKind.Timer,
        DueAt = due,
        ElementId = elementId,
        InstanceId = instanceId,
        TokenId = tokenId,
        ProcessId = "complaint",
        ProcessVersion = 1,
        TimerKind = TimerKind.Duration,
        TimerText = "PT2H",
        RemainingRepetitions = 0,
    };

    public InstanceEvents Started(string businessKey = "12345-0001")
    {
        events.Add(new InstanceStarted(Header(null), "complaint", 1, null, null, businessKey));
        return this;
    }

    public InstanceEvents Token(long tokenId, string elementId)
    {
        events.Add(new TokenCreated(Header(elementId), tokenId, ProcessInstanceState.RootTokenId, null));
        events.Add(new ElementEntered(Header(elementId), tokenId));
        return this;
    }

    public InstanceEvents Variable(string name, object? value)
    {
        events.Add(new VariableSet(Header(null), ProcessInstanceState.RootTokenId, name, value));
        return this;
    }

    public InstanceEvents TaskCreated(UserTaskRecord task)
    {
        events.Add(new UserTaskCreated(Header(task.ElementId), task));
        return this;
    }

    public InstanceEvents JobCreated(JobRecord job)
    {
        events.Add(new JobCreated(Header(job.ElementId), job));
        return this;
    }

    public InstanceEvents Claimed(Guid taskId, string userId)
    {
        events.Add(new TaskClaimed(Header(null), taskId, userId));
        return this;
    }

    /// <summary>The change that commits the events added since <paramref name="fromSequence"/> on top of <paramref name="expectedVersion"/>.</summary>
    public InstanceChange Change(long expectedVersion, long fromSequence = 1) => new()
    {
        InstanceId = InstanceId,
        ExpectedVersion = expectedVersion,
        State = InstanceReplay.StateAt(events),
        Events = events.Where(e => e.Sequence >= fromSequence).ToList(),
    };

    private EventHeader Header(string? elementId) =>
        new(NextSequence, InstanceId, start.AddSeconds(events.Count), "dispatcher-li", elementId);
}
