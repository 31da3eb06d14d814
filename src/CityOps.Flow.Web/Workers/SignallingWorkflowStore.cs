using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Runtime.Messages;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Web.Workers;

/// <summary>
/// The durable store as the engine sees it, telling <see cref="JobWakeUp"/> about every job a successful commit
/// saved: the engine's commit path is the one place that knows a timer was just created.
/// </summary>
public sealed class SignallingWorkflowStore(IWorkflowStore inner, JobWakeUp wakeUp) : IWorkflowStore
{
    public CommitOutcome Commit(WorkflowCommit commit)
    {
        var outcome = inner.Commit(commit);
        if (outcome == CommitOutcome.Committed)
        {
            var earliest = commit.DefinitionJobsSaved.Concat(commit.Instances.SelectMany(change => change.JobsSaved))
                .Select(job => (DateTimeOffset?)job.DueAt)
                .Min();
            if (earliest is { } dueAt)
            {
                wakeUp.JobDue(dueAt);
            }
        }

        return outcome;
    }

    public ProcessDefinitionRecord? FindProcess(string processId, int? version = null) => inner.FindProcess(processId, version);

    public IReadOnlyList<ProcessDefinitionRecord> LatestProcesses() => inner.LatestProcesses();

    public DecisionDefinitionRecord? FindDecisionResource(string decisionId) => inner.FindDecisionResource(decisionId);

    public DecisionDefinitionRecord? FindDecisionDefinitions(string definitionsId, int? version = null) =>
        inner.FindDecisionDefinitions(definitionsId, version);

    public StoredInstance? LoadInstance(Guid instanceId) => inner.LoadInstance(instanceId);

    public IReadOnlyList<MessageSubscriptionRecord> FindMessageSubscriptions(string messageName, string correlationKey) =>
        inner.FindMessageSubscriptions(messageName, correlationKey);

    public IReadOnlyList<SignalSubscriptionRecord> FindSignalSubscriptions(string signalName) => inner.FindSignalSubscriptions(signalName);

    public IReadOnlyList<BufferedMessage> FindBufferedMessages(string messageName, string correlationKey, DateTimeOffset now) =>
        inner.FindBufferedMessages(messageName, correlationKey, now);

    public IReadOnlyList<JobRecord> AcquireDueJobs(DateTimeOffset now, string lockOwner, DateTimeOffset lockUntil, int maxJobs) =>
        inner.AcquireDueJobs(now, lockOwner, lockUntil, maxJobs);

    public JobRecord? FindJob(Guid jobId) => inner.FindJob(jobId);

    public IReadOnlyList<JobRecord> FindStartTimerJobs(string processId) => inner.FindStartTimerJobs(processId);

    public void ReleaseJob(Guid jobId, string lockOwner) => inner.ReleaseJob(jobId, lockOwner);

    public DateTimeOffset? NextDueTime() => inner.NextDueTime();

    public UserTaskRecord? FindTask(Guid taskId) => inner.FindTask(taskId);

    public TaskPage QueryTasks(TaskQuery query) => inner.QueryTasks(query);

    public IReadOnlyList<HistoryEvent> ReadHistory(Guid instanceId) => inner.ReadHistory(instanceId);
}
