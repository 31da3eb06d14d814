using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Runtime.Messages;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Tasks;

namespace CityOps.Flow.Engine.Storage;

/// <summary>
/// Everything one command changed in one instance. <see cref="ExpectedVersion"/> is the version the command
/// loaded (0 for a new instance); the store refuses the whole commit if the stored version differs.
/// The lists are deltas so a SQL store writes rows without diffing: saved rows are upserts, removed rows are deletes.
/// </summary>
public sealed record InstanceChange
{
    public required Guid InstanceId { get; init; }
    public required long ExpectedVersion { get; init; }
    /// <summary>The state after the command; stored with version <c>ExpectedVersion + 1</c>.</summary>
    public required ProcessInstanceState State { get; init; }
    /// <summary>History appended by the command, in sequence order.</summary>
    public required IReadOnlyList<HistoryEvent> Events { get; init; }
    public IReadOnlyList<UserTaskRecord> TasksSaved { get; init; } = [];
    public IReadOnlyList<Guid> TasksRemoved { get; init; } = [];
    public IReadOnlyList<JobRecord> JobsSaved { get; init; } = [];
    public IReadOnlyList<Guid> JobsRemoved { get; init; } = [];
    public IReadOnlyList<MessageSubscriptionRecord> MessageSubscriptionsOpened { get; init; } = [];
    public IReadOnlyList<Guid> MessageSubscriptionsClosed { get; init; } = [];
    public IReadOnlyList<SignalSubscriptionRecord> SignalSubscriptionsOpened { get; init; } = [];
    public IReadOnlyList<Guid> SignalSubscriptionsClosed { get; init; } = [];
}
