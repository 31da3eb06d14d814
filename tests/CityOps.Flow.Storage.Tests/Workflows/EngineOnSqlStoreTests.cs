using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Storage;
using CityOps.Flow.Storage.Tests.Databases;

namespace CityOps.Flow.Storage.Tests.Workflows;

/// <summary>
/// The engine's own process files run on the SQL store must leave exactly what they leave on the in-memory reference:
/// the same state, history, inbox and next timer, with every command going through load, replay and commit.
/// </summary>
public sealed class EngineOnSqlStoreTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static Dictionary<string, object?> Vars(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    private async Task<(EngineRun Reference, EngineRun Sql)> RunBothAsync(WorkflowStoreKind kind, Action<EngineRun> scenario)
    {
        var reference = new EngineRun(new InMemoryWorkflowStore());
        var sql = new EngineRun(await WorkflowStores.CreateAsync(databases, kind));
        scenario(reference);
        scenario(sql);
        Assert.Equal(reference.Transcript(), sql.Transcript());
        return (reference, sql);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Review_and_approve_with_dates_and_amounts_in_its_variables(WorkflowStoreKind kind)
    {
        Guid id = default;
        var (_, sql) = await RunBothAsync(kind, run =>
        {
            run.Deploy("basic/review-and-approve.bpmn");
            id = run.Start("review_and_approve", Vars(("amount", 50), ("dueAt", EngineRun.Epoch.AddDays(2)), ("priority", 80)));
            run.Complete(id, "Review", Vars(("amount", 500), ("reviewer", "wang.li"), ("reviewedOn", new DateOnly(2026, 11, 3))));
        });

        Assert.Equal(["Approve"], sql.Tasks(id).Select(t => t.ElementId));
        Assert.Equal(new DateOnly(2026, 11, 3), sql.Engine.FindInstance(id)!.LocalVariables(ProcessInstanceState.RootTokenId)["reviewedOn"]);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task A_reminder_cycle_fires_three_times_from_stored_jobs(WorkflowStoreKind kind)
    {
        Guid id = default;
        var fired = 0;
        var (_, sql) = await RunBothAsync(kind, run =>
        {
            fired = 0;
            run.Deploy("timers/reminder-cycle.bpmn");
            id = run.Start("reminder_cycle");
            for (var hour = 0; hour < 5; hour++)
            {
                fired += run.Advance(TimeSpan.FromHours(1));
            }

            run.Complete(id, "Handle");
        });

        Assert.Equal(3, fired);
        Assert.Equal(InstanceStatus.Completed, sql.Engine.FindInstance(id)!.Status);
        Assert.Null(sql.Store.NextDueTime());
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task A_parallel_multi_instance_with_a_deadline_on_the_body(WorkflowStoreKind kind)
    {
        Guid id = default;
        var (_, sql) = await RunBothAsync(kind, run =>
        {
            run.Deploy("multi-instance/parallel-deadline.bpmn");
            id = run.Start("parallel_deadline", Vars(("departments", new[] { "roads", "water", "parks" })));
            var roads = Assert.Single(run.Tasks(id), t => t.CandidateGroups.Contains("roads"));
            run.Engine.CompleteTask(roads.Id, Vars(("opinion", "first"))).Expect();
            Assert.Equal(1, run.Advance(TimeSpan.FromHours(2)));
        });

        Assert.Empty(sql.Tasks(id));
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task A_message_published_early_waits_in_the_buffer_until_the_instance_subscribes(WorkflowStoreKind kind)
    {
        Guid id = default;
        var (_, sql) = await RunBothAsync(kind, run =>
        {
            run.Deploy("messages/callback-after-work.bpmn");
            id = run.Start("callback_after_work", Vars(("caseNo", "C-7")));
            Assert.Equal(MessageCorrelationOutcome.Buffered, run.Engine.CorrelateMessage("callback", "C-7", Vars(("satisfaction", 5))).Outcome);
            run.Complete(id, "Work");
        });

        Assert.Equal(InstanceStatus.Completed, sql.Engine.FindInstance(id)!.Status);
        Assert.Equal(5m, sql.Engine.FindInstance(id)!.LocalVariables(ProcessInstanceState.RootTokenId)["satisfaction"]);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task A_call_activity_commits_parent_and_child_together(WorkflowStoreKind kind)
    {
        Guid parent = default;
        var (_, sql) = await RunBothAsync(kind, run =>
        {
            run.Deploy("subprocesses/call-child.bpmn");
            parent = run.Start("call_parent", Vars(("department", "roads")));
            run.Complete(run.ChildOf(parent), "Handle", Vars(("result", "pothole filled")));
        });

        Assert.Equal(InstanceStatus.Completed, sql.Engine.FindInstance(sql.ChildOf(parent))!.Status);
        Assert.Equal(["Close"], sql.Tasks(parent).Select(t => t.ElementId));
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task A_decision_table_deployed_with_the_process_routes_the_case(WorkflowStoreKind kind)
    {
        Guid id = default;
        var (_, sql) = await RunBothAsync(kind, run =>
        {
            run.Deploy("decisions/routing.dmn", "decisions/route-and-handle.bpmn");
            id = run.Start("route_and_handle", Vars(("category", "leak")));
        });

        Assert.Equal(["water"], Assert.Single(sql.Tasks(id)).CandidateGroups);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task A_signal_reaches_every_waiting_instance(WorkflowStoreKind kind)
    {
        var ids = new List<Guid>();
        var (_, sql) = await RunBothAsync(kind, run =>
        {
            ids.Clear();
            run.Deploy("signals/storm-alert.bpmn");
            ids.Add(run.Start("storm_watch"));
            ids.Add(run.Start("storm_watch"));
            run.Engine.BroadcastSignal("storm-alert");
        });

        Assert.All(ids, id => Assert.Contains("Shelter", sql.Tasks(id).Select(t => t.ElementId)));
    }
}
