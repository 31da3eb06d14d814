using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Runtime.Messages;
using CityOps.Flow.Engine.Runtime.Tasks;

namespace CityOps.Flow.Engine.Storage;

/// <summary>
/// A store that hands every call to another one: the base for stores that add behaviour around a real store
/// (signalling new jobs, injecting faults) by overriding only the calls they care about.
/// </summary>
public abstract class DelegatingWorkflowStore(IWorkflowStore inner) : IWorkflowStore
{
    protected IWorkflowStore Inner { get; } = inner;

    public virtual CommitOutcome Commit(WorkflowCommit commit) => Inner.Commit(commit);

    public virtual ProcessDefinitionRecord? FindProcess(string processId, int? version = null) => Inner.FindProcess(processId, version);

    public virtual IReadOnlyList<ProcessDefinitionRecord> LatestProcesses() => Inner.LatestProcesses();

    public virtual DecisionDefinitionRecord? FindDecisionResource(string decisionId) => Inner.FindDecisionResource(decisionId);

    public virtual DecisionDefinitionRecord? FindDecisionDefinitions(string definitionsId, int? version = null) =>
        Inner.FindDecisionDefinitions(definitionsId, version);

    public virtual StoredInstance? LoadInstance(Guid instanceId) => Inner.LoadInstance(instanceId);

    public virtual IReadOnlyList<MessageSubscriptionRecord> FindMessageSubscriptions(string messageName, string correlationKey) =>
        Inner.FindMessageSubscriptions(messageName, correlationKey);

    public virtual IReadOnlyList<SignalSubscriptionRecord> FindSignalSubscriptions(string signalName) => Inner.FindSignalSubscriptions(signalName);

    public virtual IReadOnlyList<BufferedMessage> FindBufferedMessages(string messageName, string correlationKey, DateTimeOffset now) =>
        Inner.FindBufferedMessages(messageName, correlationKey, now);

    public virtual IReadOnlyList<JobRecord> AcquireDueJobs(DateTimeOffset now, string lockOwner, DateTimeOffset lockUntil, int maxJobs) =>
        Inner.AcquireDueJobs(now, lockOwner, lockUntil, maxJobs);

    public virtual JobRecord? FindJob(Guid jobId) => Inner.FindJob(jobId);

    public virtual IReadOnlyList<JobRecord> FindStartTimerJobs(string processId) => Inner.FindStartTimerJobs(processId);

    public virtual void ReleaseJob(Guid jobId, string lockOwner) => Inner.ReleaseJob(jobId, lockOwner);

    public virtual DateTimeOffset? NextDueTime() => Inner.NextDueTime();

    public virtual UserTaskRecord? FindTask(Guid taskId) => Inner.FindTask(taskId);

    public virtual TaskPage QueryTasks(TaskQuery query) => Inner.QueryTasks(query);

    public virtual IReadOnlyList<HistoryEvent> ReadHistory(Guid instanceId) => Inner.ReadHistory(instanceId);
}
