using CityOps.Flow.Engine.Dmn;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Runtime.Messages;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Engine.Tests.Runtime;

public sealed class ConcurrencyTests
{
    [Fact]
    public void Store_refuses_a_commit_whose_instance_changed_and_writes_nothing_of_it()
    {
        var h = new RuntimeHarness();
        h.Deploy("gateways/parallel-join.bpmn");
        var id = h.Start("parallel_join");
        var stale = h.Store.LoadInstance(id)!;
        h.Complete(id, "Inspect");
        var eventsBefore = h.History(id).Count;

        var outcome = h.Store.Commit(new WorkflowCommit
        {
            Instances = [new InstanceChange { InstanceId = id, ExpectedVersion = stale.Version, State = stale.State, Events = [] }],
        });

        Assert.Equal(CommitOutcome.Conflict, outcome);
        Assert.Equal(eventsBefore, h.History(id).Count);
    }

    [Fact]
    public void Two_tasks_completed_at_the_same_time_both_count_because_the_loser_re_runs()
    {
        var h = new RuntimeHarness();
        h.Deploy("gateways/parallel-join.bpmn");
        var id = h.Start("parallel_join");
        var inspect = h.Task(id, "Inspect");
        var photograph = h.Task(id, "Photograph");
        var racing = new RacingStore(h.Store, () => h.Engine.CompleteTask(photograph.Id, actor: "worker-b").Expect());
        var feel = new FeelEngine(h.Clock);
        var otherNode = new WorkflowEngine(racing, h.Clock, feel, new DmnEvaluator(feel), h.Handlers);

        otherNode.CompleteTask(inspect.Id, actor: "worker-a").Expect();

        Assert.Equal(1, racing.Conflicts);
        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Single(h.History(id).OfType<InstanceCompleted>());
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Workers_completing_tasks_of_one_instance_on_several_threads_lose_no_completion()
    {
        var h = new RuntimeHarness();
        h.Deploy("multi-instance/parallel-deadline.bpmn");
        var departments = Enumerable.Range(1, 24).Select(i => "dept-" + i).ToArray();
        var id = h.Start("parallel_deadline", new { departments });
        var tasks = h.Tasks(id);

        Parallel.ForEach(tasks, new ParallelOptions { MaxDegreeOfParallelism = 4 }, task =>
            h.Engine.CompleteTask(task.Id, new Dictionary<string, object?> { ["opinion"] = task.CandidateGroups[0] }, "worker").Expect());

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Equal(departments, ((IEnumerable<object?>)h.Variable(id, "opinions")!).Cast<string>());
        Assert.Equal(24, h.History(id).Count(e => e is TaskCompleted));
        h.AssertReplayMatches(id);
    }

    /// <summary>A real store with another node's command slipped in before this node's first commit.</summary>
    private sealed class RacingStore(InMemoryWorkflowStore inner, Action competitor) : IWorkflowStore
    {
        private bool _raced;

        public int Conflicts { get; private set; }

        public CommitOutcome Commit(WorkflowCommit commit)
        {
            if (!_raced)
            {
                _raced = true;
                competitor();
            }

            var outcome = inner.Commit(commit);
            if (outcome == CommitOutcome.Conflict) Conflicts++;
            return outcome;
        }

        public ProcessDefinitionRecord? FindProcess(string processId, int? version = null) => inner.FindProcess(processId, version);
        public IReadOnlyList<ProcessDefinitionRecord> LatestProcesses() => inner.LatestProcesses();
        public DecisionDefinitionRecord? FindDecisionResource(string decisionId) => inner.FindDecisionResource(decisionId);
        public DecisionDefinitionRecord? FindDecisionDefinitions(string definitionsId, int? version = null) => inner.FindDecisionDefinitions(definitionsId, version);
        public StoredInstance? LoadInstance(Guid instanceId) => inner.LoadInstance(instanceId);
        public IReadOnlyList<MessageSubscriptionRecord> FindMessageSubscriptions(string messageName, string correlationKey) => inner.FindMessageSubscriptions(messageName, correlationKey);
        public IReadOnlyList<SignalSubscriptionRecord> FindSignalSubscriptions(string signalName) => inner.FindSignalSubscriptions(signalName);
        public IReadOnlyList<BufferedMessage> FindBufferedMessages(string messageName, string correlationKey, DateTimeOffset now) => inner.FindBufferedMessages(messageName, correlationKey, now);
        public IReadOnlyList<JobRecord> AcquireDueJobs(DateTimeOffset now, string lockOwner, DateTimeOffset lockUntil, int maxJobs) => inner.AcquireDueJobs(now, lockOwner, lockUntil, maxJobs);
        public JobRecord? FindJob(Guid jobId) => inner.FindJob(jobId);
        public IReadOnlyList<JobRecord> FindStartTimerJobs(string processId) => inner.FindStartTimerJobs(processId);
        public void ReleaseJob(Guid jobId, string lockOwner) => inner.ReleaseJob(jobId, lockOwner);
        public DateTimeOffset? NextDueTime() => inner.NextDueTime();
        public UserTaskRecord? FindTask(Guid taskId) => inner.FindTask(taskId);
        public TaskPage QueryTasks(TaskQuery query) => inner.QueryTasks(query);
        public IReadOnlyList<HistoryEvent> ReadHistory(Guid instanceId) => inner.ReadHistory(instanceId);
    }
}
