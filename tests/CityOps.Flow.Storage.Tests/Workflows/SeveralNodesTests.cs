using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Storage.Tests.Databases;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityOps.Flow.Storage.Tests.Workflows;

/// <summary>Two app nodes, each with its own engine and connection pool, working on one database at the same time.</summary>
public sealed class SeveralNodesTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private async Task<(EngineRun First, EngineRun Second)> TwoNodesAsync(SqlDialect dialect)
    {
        var database = await databases.EmptyAsync(dialect);
        await TestDatabases.Runner(database).ApplyAsync();
        var first = new EngineRun(new SqlWorkflowStore(database));
        var second = new EngineRun(new SqlWorkflowStore(databases.SecondNode(database)));
        return (first, second);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Tasks_of_one_instance_completed_on_two_nodes_at_once_all_count(SqlDialect dialect)
    {
        var (first, second) = await TwoNodesAsync(dialect);
        first.Deploy("multi-instance/parallel-deadline.bpmn");
        var departments = new[] { "roads", "water", "parks", "lighting", "sanitation", "housing" };
        var id = first.Start("parallel_deadline", new Dictionary<string, object?> { ["departments"] = departments });
        var tasks = first.Tasks(id);

        await Task.WhenAll(tasks.Select((task, i) => Task.Run(() =>
        {
            var node = i % 2 == 0 ? first : second;
            node.Engine.CompleteTask(task.Id, new Dictionary<string, object?> { ["opinion"] = task.CandidateGroups[0] + " ok" }).Expect();
        })));

        var state = second.Engine.FindInstance(id)!;
        Assert.Equal(InstanceStatus.Completed, state.Status);
        Assert.Equal(departments.Select(d => d + " ok"), ((IEnumerable<object?>)state.LocalVariables(ProcessInstanceState.RootTokenId)["opinions"]!).Cast<string>());
        Assert.Equal(departments.Length, first.Engine.History(id).OfType<TaskCompleted>().Count());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_nodes_draining_due_timers_together_fire_each_exactly_once(SqlDialect dialect)
    {
        var (first, second) = await TwoNodesAsync(dialect);
        first.Deploy("timers/deadline.bpmn");
        var ids = Enumerable.Range(0, 30)
            .Select(_ => first.Start("deadline", new Dictionary<string, object?> { ["timeLimit"] = "PT4H" }))
            .ToList();
        first.Clock.Advance(TimeSpan.FromHours(4));
        second.Clock.Advance(TimeSpan.FromHours(4));
        JobExecutor Executor(EngineRun node, string worker) => new(
            node.Engine,
            new JobFailureLog(((SqlWorkflowStore)node.Store).Connections),
            node.Clock,
            new JobExecutorOptions { WorkerId = worker, BatchSize = 4 },
            NullLogger<JobExecutor>.Instance);

        var fired = await Task.WhenAll(
            Task.Run(() => Executor(first, "node-a").RunDueJobs()),
            Task.Run(() => Executor(second, "node-b").RunDueJobs()));

        Assert.Equal(ids.Count, fired.Sum());
        Assert.All(ids, id => Assert.Single(first.Engine.History(id).OfType<JobFired>()));
        Assert.All(ids, id => Assert.Equal(["Supervise"], first.Tasks(id).Select(t => t.ElementId)));
        Assert.Null(first.Store.NextDueTime());
    }
}
