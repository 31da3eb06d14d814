using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Runtime.Messages;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Storage.Tests.Jobs;

/// <summary>
/// The real SQL store whose commits fail while <see cref="Down"/> is set (the database drops connections), or only the
/// commits that fire a timer while <see cref="TimersFail"/> is set (a fault in that one command).
/// </summary>
internal sealed class UnreliableStore(IWorkflowStore inner) : IWorkflowStore
{
    public bool Down { get; set; }

    public bool TimersFail { get; set; }

    public CommitOutcome Commit(WorkflowCommit commit)
    {
        if (Down)
        {
            throw new TimeoutException("The database did not answer within 15 s.");
        }

        if (TimersFail && commit.Instances.Any(i => i.Events.OfType<JobFired>().Any()))
        {
            throw new InvalidOperationException("Deadlock detected while firing the timer.");
        }

        return inner.Commit(commit);
    }

    public ProcessDefinitionRecord? FindProcess(string processId, int? version = null) => inner.FindProcess(processId, version);

    public IReadOnlyList<ProcessDefinitionRecord> LatestProcesses() => inner.LatestProcesses();

    public DecisionDefinitionRecord? FindDecisionResource(string decisionId) => inner.FindDecisionResource(decisionId);

    public DecisionDefinitionRecord? FindDecisionDefinitions(string definitionsId, int? version = null) => inner.FindDecisionDefinitions(definitionsId, version);

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
