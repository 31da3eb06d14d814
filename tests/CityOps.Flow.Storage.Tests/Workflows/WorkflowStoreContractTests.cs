using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.Messages;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Storage;
using CityOps.Flow.Storage.Tests.Databases;

namespace CityOps.Flow.Storage.Tests.Workflows;

/// <summary>What every <see cref="IWorkflowStore"/> must do, checked on the in-memory reference and on both SQL dialects.</summary>
public sealed class WorkflowStoreContractTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private static ProcessDefinitionRecord Process(string id, int version, DateTimeOffset deployedAt) => new()
    {
        ProcessId = id,
        Version = version,
        DeploymentId = Guid.NewGuid(),
        ResourceName = id + ".bpmn",
        ContentHash = $"{id}-{version}-hash",
        Xml = $"<definitions id=\"{id}\" version=\"{version}\"/>",
        DeployedAt = deployedAt,
        MessageStartNames = ["report-received"],
        SignalStartNames = version == 1 ? [] : ["storm-alert"],
    };

    private static DecisionDefinitionRecord Decisions(string definitionsId, int version, DateTimeOffset deployedAt, params string[] decisionIds) => new()
    {
        DefinitionsId = definitionsId,
        Version = version,
        DeploymentId = Guid.NewGuid(),
        ResourceName = definitionsId + ".dmn",
        ContentHash = $"{definitionsId}-{version}",
        Xml = $"<definitions id=\"{definitionsId}\"/>",
        DeployedAt = deployedAt,
        DecisionIds = decisionIds,
    };

    private static void AssertSameProcess(ProcessDefinitionRecord expected, ProcessDefinitionRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { MessageStartNames = [], SignalStartNames = [] }, actual with { MessageStartNames = [], SignalStartNames = [] });
        Assert.Equal(expected.MessageStartNames, actual.MessageStartNames);
        Assert.Equal(expected.SignalStartNames, actual.SignalStartNames);
    }

    private static void AssertSameTask(UserTaskRecord expected, UserTaskRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { CandidateGroups = [], CandidateUsers = [] }, actual with { CandidateGroups = [], CandidateUsers = [] });
        Assert.Equal(expected.CandidateGroups, actual.CandidateGroups);
        Assert.Equal(expected.CandidateUsers, actual.CandidateUsers);
    }

    [Theory, InMemoryStore, SqliteStore, PostgresStore]
    public async Task Deployed_versions_are_found_latest_first_and_by_number(WorkflowStoreKind kind)
    {
        var store = await WorkflowStores.CreateAsync(databases, kind);
        var v1 = Process("complaint", 1, Morning);
        var v2 = Process("complaint", 2, Morning.AddDays(1));
        var other = Process("street-light", 1, Morning);
        var routing1 = Decisions("routing", 1, Morning, "route_case", "time_limit");
        var routing2 = Decisions("routing", 2, Morning.AddDays(2), "route_case");
        var escalation = Decisions("escalation", 1, Morning.AddDays(1), "time_limit");

        Assert.Equal(CommitOutcome.Committed, store.Commit(new WorkflowCommit { ProcessDefinitionsAdded = [v1, other], DecisionDefinitionsAdded = [routing1] }));
        Assert.Equal(CommitOutcome.Committed, store.Commit(new WorkflowCommit { ProcessDefinitionsAdded = [v2], DecisionDefinitionsAdded = [routing2, escalation] }));

        AssertSameProcess(v2, store.FindProcess("complaint"));
        AssertSameProcess(v1, store.FindProcess("complaint", 1));
        Assert.Null(store.FindProcess("complaint", 3));
        Assert.Null(store.FindProcess("noise"));
        Assert.Equal([("complaint", 2), ("street-light", 1)], store.LatestProcesses().Select(p => (p.ProcessId, p.Version)).Order());
        Assert.Equal(("routing", 2), (store.FindDecisionResource("route_case")!.DefinitionsId, store.FindDecisionResource("route_case")!.Version));
        Assert.Equal("escalation", store.FindDecisionResource("time_limit")!.DefinitionsId);
        Assert.Null(store.FindDecisionResource("unknown_decision"));
        Assert.Equal(["route_case", "time_limit"], store.FindDecisionDefinitions("routing", 1)!.DecisionIds);
        Assert.Equal(2, store.FindDecisionDefinitions("routing")!.Version);
    }

    [Theory, InMemoryStore, SqliteStore, PostgresStore]
    public async Task A_committed_instance_loads_as_its_history_replayed_with_version_one(WorkflowStoreKind kind)
    {
        var store = await WorkflowStores.CreateAsync(databases, kind);
        var complaint = new InstanceEvents(Guid.NewGuid(), Morning).Started().Token(2, "Review").Variable("district", "浦东新区").Variable("priority", 3m);
        var task = InstanceEvents.Task(complaint.InstanceId, 2, "Review", Morning) with { CandidateGroups = ["dispatchers"] };
        complaint.TaskCreated(task);

        Assert.Equal(CommitOutcome.Committed, store.Commit(new WorkflowCommit { Instances = [complaint.Change(0) with { TasksSaved = [task] }] }));

        var loaded = store.LoadInstance(complaint.InstanceId);
        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(Transcript.OfState(InstanceReplay.StateAt(complaint.All)), Transcript.OfState(loaded.State));
        Assert.Equal(InstanceStatus.Active, loaded.State.Status);
        Assert.Equal("浦东新区", loaded.State.LocalVariables(ProcessInstanceState.RootTokenId)["district"]);
        Assert.Equal(complaint.All.Select(e => (e.Sequence, e.Kind)), store.ReadHistory(complaint.InstanceId).Select(e => (e.Sequence, e.Kind)));
        Assert.Null(store.LoadInstance(Guid.NewGuid()));
        Assert.Empty(store.ReadHistory(Guid.NewGuid()));
    }

    [Theory, InMemoryStore, SqliteStore, PostgresStore]
    public async Task A_command_on_a_stale_version_is_refused_and_writes_nothing(WorkflowStoreKind kind)
    {
        var store = await WorkflowStores.CreateAsync(databases, kind);
        var complaint = new InstanceEvents(Guid.NewGuid(), Morning).Started().Token(2, "Review");
        var task = InstanceEvents.Task(complaint.InstanceId, 2, "Review", Morning);
        complaint.TaskCreated(task);
        store.Commit(new WorkflowCommit { Instances = [complaint.Change(0) with { TasksSaved = [task] }] });
        var before = complaint.NextSequence;
        complaint.Claimed(task.Id, "zhang");
        var claim = complaint.Change(1, before) with { TasksSaved = [task with { Assignee = "zhang" }] };
        Assert.Equal(CommitOutcome.Committed, store.Commit(new WorkflowCommit { Instances = [claim] }));

        var other = new InstanceEvents(Guid.NewGuid(), Morning).Started("12345-0002");
        var staleClaim = claim with { TasksSaved = [task with { Assignee = "wang" }] };
        var outcome = store.Commit(new WorkflowCommit
        {
            Instances = [other.Change(0), staleClaim],
            MessagesBuffered = [new BufferedMessage { Id = Guid.NewGuid(), MessageName = "callback", CorrelationKey = "C-1", Variables = new Dictionary<string, object?>(), PublishedAt = Morning, ExpiresAt = Morning.AddHours(1) }],
        });

        Assert.Equal(CommitOutcome.Conflict, outcome);
        Assert.Equal(2, store.LoadInstance(complaint.InstanceId)!.Version);
        Assert.Equal("zhang", store.FindTask(task.Id)!.Assignee);
        Assert.Equal(complaint.All.Count, store.ReadHistory(complaint.InstanceId).Count);
        Assert.Null(store.LoadInstance(other.InstanceId));
        Assert.Empty(store.FindBufferedMessages("callback", "C-1", Morning));
    }

    [Theory, InMemoryStore, SqliteStore, PostgresStore]
    public async Task Two_commands_starting_the_same_instance_conflict(WorkflowStoreKind kind)
    {
        var store = await WorkflowStores.CreateAsync(databases, kind);
        var complaint = new InstanceEvents(Guid.NewGuid(), Morning).Started();

        Assert.Equal(CommitOutcome.Committed, store.Commit(new WorkflowCommit { Instances = [complaint.Change(0)] }));
        Assert.Equal(CommitOutcome.Conflict, store.Commit(new WorkflowCommit { Instances = [complaint.Change(0)] }));

        Assert.Single(store.ReadHistory(complaint.InstanceId));
    }

    [Theory, InMemoryStore, SqliteStore, PostgresStore]
    public async Task The_inbox_filters_by_group_user_assignee_and_due_and_orders_due_then_priority_then_age(WorkflowStoreKind kind)
    {
        var store = await WorkflowStores.CreateAsync(databases, kind);
        var complaint = new InstanceEvents(Guid.NewGuid(), Morning).Started();
        var id = complaint.InstanceId;
        var urgentLate = InstanceEvents.Task(id, 2, "Dispatch", Morning) with { CandidateGroups = ["dispatchers"], DueDate = Morning.AddHours(4), Priority = 80 };
        var normalLate = InstanceEvents.Task(id, 3, "Dispatch", Morning.AddMinutes(1)) with { CandidateGroups = ["dispatchers", "roads"], DueDate = Morning.AddHours(4), Priority = 50 };
        var early = InstanceEvents.Task(id, 4, "Handle", Morning.AddMinutes(2)) with { CandidateGroups = ["roads"], DueDate = Morning.AddHours(1) };
        var undated = InstanceEvents.Task(id, 5, "Review", Morning.AddMinutes(3)) with { CandidateUsers = ["zhang"], Priority = 100 };
        var assigned = InstanceEvents.Task(id, 6, "Handle", Morning.AddMinutes(4)) with { Assignee = "li", DueDate = Morning.AddHours(2) };
        var all = new[] { urgentLate, normalLate, early, undated, assigned };
        store.Commit(new WorkflowCommit { Instances = [complaint.Change(0) with { TasksSaved = all }] });

        TaskPage Query(TaskQuery q) => store.QueryTasks(q);
        IEnumerable<Guid> Ids(TaskQuery q) => Query(q).Items.Select(t => t.Id);

        Assert.Equal([early.Id, assigned.Id, urgentLate.Id, normalLate.Id, undated.Id], Ids(new TaskQuery()));
        Assert.Equal([urgentLate.Id, normalLate.Id], Ids(new TaskQuery { CandidateGroups = ["dispatchers"] }));
        Assert.Equal([early.Id, normalLate.Id], Ids(new TaskQuery { CandidateGroups = ["roads", "parks"] }));
        Assert.Equal([undated.Id], Ids(new TaskQuery { CandidateUser = "zhang" }));
        Assert.Equal([assigned.Id], Ids(new TaskQuery { CandidateUser = "li" }));
        Assert.Equal([assigned.Id], Ids(new TaskQuery { Assignee = "li" }));
        Assert.Equal(4, Query(new TaskQuery { UnassignedOnly = true }).Total);
        Assert.Equal([assigned.Id, urgentLate.Id, normalLate.Id], Ids(new TaskQuery { DueFrom = Morning.AddHours(2) }));
        Assert.Equal([early.Id, assigned.Id], Ids(new TaskQuery { DueBefore = Morning.AddHours(4) }));
        Assert.Empty(Ids(new TaskQuery { InstanceId = Guid.NewGuid() }));

        var page = Query(new TaskQuery { Offset = 1, Limit = 2 });
        Assert.Equal(5, page.Total);
        Assert.Equal([assigned.Id, urgentLate.Id], page.Items.Select(t => t.Id));
        AssertSameTask(normalLate, store.FindTask(normalLate.Id));
    }

    [Theory, InMemoryStore, SqliteStore, PostgresStore]
    public async Task Saved_tasks_replace_their_row_and_removed_tasks_leave_the_inbox(WorkflowStoreKind kind)
    {
        var store = await WorkflowStores.CreateAsync(databases, kind);
        var complaint = new InstanceEvents(Guid.NewGuid(), Morning).Started();
        var task = InstanceEvents.Task(complaint.InstanceId, 2, "Dispatch", Morning) with { CandidateGroups = ["dispatchers"] };
        var other = InstanceEvents.Task(complaint.InstanceId, 3, "Review", Morning) with { CandidateGroups = ["leaders"] };
        complaint.TaskCreated(task).TaskCreated(other);
        store.Commit(new WorkflowCommit { Instances = [complaint.Change(0) with { TasksSaved = [task, other] }] });
        var before = complaint.NextSequence;
        complaint.Claimed(task.Id, "zhang");
        var moved = task with { Assignee = "zhang", CandidateGroups = ["roads"], Priority = 90 };

        store.Commit(new WorkflowCommit { Instances = [complaint.Change(1, before) with { TasksSaved = [moved], TasksRemoved = [other.Id] }] });

        AssertSameTask(moved, store.FindTask(task.Id));
        Assert.Null(store.FindTask(other.Id));
        Assert.Empty(store.QueryTasks(new TaskQuery { CandidateGroups = ["dispatchers"] }).Items);
        Assert.Empty(store.QueryTasks(new TaskQuery { CandidateGroups = ["leaders"] }).Items);
        Assert.Equal([task.Id], store.QueryTasks(new TaskQuery { CandidateGroups = ["roads"] }).Items.Select(t => t.Id));
    }

    [Theory, InMemoryStore, SqliteStore, PostgresStore]
    public async Task Due_jobs_are_locked_for_one_worker_until_the_lock_expires_or_is_released(WorkflowStoreKind kind)
    {
        var store = await WorkflowStores.CreateAsync(databases, kind);
        var complaint = new InstanceEvents(Guid.NewGuid(), Morning).Started().Token(2, "Handle");
        var first = InstanceEvents.Timer(complaint.InstanceId, "Deadline", Morning.AddHours(1), tokenId: 2);
        var second = InstanceEvents.Timer(complaint.InstanceId, "Reminder", Morning.AddHours(2), tokenId: 2);
        var later = InstanceEvents.Timer(complaint.InstanceId, "Escalate", Morning.AddHours(5), tokenId: 2);
        var startTimer = InstanceEvents.Timer(null, "DailyReport", Morning.AddHours(3));
        store.Commit(new WorkflowCommit { Instances = [complaint.Change(0) with { JobsSaved = [first, second, later] }], DefinitionJobsSaved = [startTimer] });

        Assert.Equal(first.DueAt, store.NextDueTime());
        var now = Morning.AddHours(3);
        var workerA = store.AcquireDueJobs(now, "node-a", now.AddMinutes(5), 2);
        var workerB = store.AcquireDueJobs(now, "node-b", now.AddMinutes(5), 10);

        Assert.Equal([first.Id, second.Id], workerA.Select(j => j.Id));
        Assert.All(workerA, j => Assert.Equal(("node-a", now.AddMinutes(5)), (j.LockOwner!, j.LockExpiresAt!.Value)));
        Assert.Equal([startTimer.Id], workerB.Select(j => j.Id));
        Assert.Equal("node-a", store.FindJob(first.Id)!.LockOwner);
        Assert.Empty(store.AcquireDueJobs(now.AddMinutes(1), "node-c", now.AddMinutes(6), 10));

        store.ReleaseJob(second.Id, "node-b");
        Assert.Equal("node-a", store.FindJob(second.Id)!.LockOwner);
        store.ReleaseJob(second.Id, "node-a");
        Assert.Null(store.FindJob(second.Id)!.LockOwner);
        Assert.Equal([second.Id], store.AcquireDueJobs(now.AddMinutes(1), "node-c", now.AddMinutes(6), 10).Select(j => j.Id));

        var afterExpiry = store.AcquireDueJobs(now.AddMinutes(5), "node-d", now.AddMinutes(10), 10);
        Assert.Equal([first.Id, startTimer.Id], afterExpiry.Select(j => j.Id));
        Assert.Equal([startTimer.Id], store.FindStartTimerJobs("complaint").Select(j => j.Id));
        Assert.Empty(store.FindStartTimerJobs("street-light"));
    }

    [Theory, InMemoryStore, SqliteStore, PostgresStore]
    public async Task Fired_and_removed_jobs_are_gone(WorkflowStoreKind kind)
    {
        var store = await WorkflowStores.CreateAsync(databases, kind);
        var complaint = new InstanceEvents(Guid.NewGuid(), Morning).Started();
        var deadline = InstanceEvents.Timer(complaint.InstanceId, "Deadline", Morning.AddHours(1), tokenId: 2);
        var startTimer = InstanceEvents.Timer(null, "DailyReport", Morning.AddHours(3));
        store.Commit(new WorkflowCommit { Instances = [complaint.Change(0) with { JobsSaved = [deadline] }], DefinitionJobsSaved = [startTimer] });
        var before = complaint.NextSequence;
        complaint.Variable("escalated", true);
        var rescheduled = deadline with { DueAt = Morning.AddHours(6) };

        store.Commit(new WorkflowCommit { Instances = [complaint.Change(1, before) with { JobsSaved = [rescheduled] }], DefinitionJobsRemoved = [startTimer.Id] });

        Assert.Equal(rescheduled, store.FindJob(deadline.Id));
        Assert.Null(store.FindJob(startTimer.Id));
        Assert.Equal(Morning.AddHours(6), store.NextDueTime());
        before = complaint.NextSequence;
        complaint.Variable("closed", true);
        store.Commit(new WorkflowCommit { Instances = [complaint.Change(2, before) with { JobsRemoved = [deadline.Id] }] });
        Assert.Null(store.NextDueTime());
    }

    [Theory, InMemoryStore, SqliteStore, PostgresStore]
    public async Task Subscriptions_and_buffered_messages_route_messages_and_signals(WorkflowStoreKind kind)
    {
        var store = await WorkflowStores.CreateAsync(databases, kind);
        var complaint = new InstanceEvents(Guid.NewGuid(), Morning).Started().Token(2, "WaitCallback");
        var callback = new MessageSubscriptionRecord { Id = Guid.NewGuid(), InstanceId = complaint.InstanceId, TokenId = 2, ElementId = "WaitCallback", MessageName = "callback", CorrelationKey = "C-7", OpenedAt = Morning };
        var otherCase = callback with { Id = Guid.NewGuid(), CorrelationKey = "C-8", OpenedAt = Morning.AddMinutes(1) };
        var storm = new SignalSubscriptionRecord { Id = Guid.NewGuid(), InstanceId = complaint.InstanceId, TokenId = 2, ElementId = "StormAlert", SignalName = "storm-alert" };
        var early = new BufferedMessage
        {
            Id = Guid.NewGuid(),
            MessageName = "callback",
            CorrelationKey = "C-9",
            Variables = new Dictionary<string, object?> { ["satisfaction"] = 5m, ["comment"] = "满意" },
            PublishedAt = Morning,
            ExpiresAt = Morning.AddMinutes(10),
        };
        var earlier = early with { Id = Guid.NewGuid(), PublishedAt = Morning.AddMinutes(-1), ExpiresAt = Morning.AddHours(1) };
        store.Commit(new WorkflowCommit
        {
            Instances = [complaint.Change(0) with { MessageSubscriptionsOpened = [callback, otherCase], SignalSubscriptionsOpened = [storm] }],
            MessagesBuffered = [early, earlier],
        });

        Assert.Equal([callback], store.FindMessageSubscriptions("callback", "C-7"));
        Assert.Empty(store.FindMessageSubscriptions("callback", "C-10"));
        Assert.Equal([storm], store.FindSignalSubscriptions("storm-alert"));
        var buffered = store.FindBufferedMessages("callback", "C-9", Morning.AddMinutes(5));
        Assert.Equal([earlier.Id, early.Id], buffered.Select(m => m.Id));
        Assert.Equal(5m, buffered[1].Variables["satisfaction"]);
        Assert.Equal("满意", buffered[1].Variables["comment"]);
        Assert.Equal([earlier.Id], store.FindBufferedMessages("callback", "C-9", Morning.AddMinutes(10)).Select(m => m.Id));

        var before = complaint.NextSequence;
        complaint.Variable("satisfaction", 5m);
        store.Commit(new WorkflowCommit
        {
            Instances = [complaint.Change(1, before) with { MessageSubscriptionsClosed = [callback.Id], SignalSubscriptionsClosed = [storm.Id] }],
            BufferedMessagesConsumed = [earlier.Id],
        });

        Assert.Empty(store.FindMessageSubscriptions("callback", "C-7"));
        Assert.Equal([otherCase], store.FindMessageSubscriptions("callback", "C-8"));
        Assert.Empty(store.FindSignalSubscriptions("storm-alert"));
        Assert.Equal([early.Id], store.FindBufferedMessages("callback", "C-9", Morning).Select(m => m.Id));
    }
}
