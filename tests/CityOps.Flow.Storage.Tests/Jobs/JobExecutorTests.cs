using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Storage.Tests.Databases;
using CityOps.Flow.Storage.Tests.Workflows;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityOps.Flow.Storage.Tests.Jobs;

public sealed class JobExecutorTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly Dictionary<string, object?> FourHourLimit = new() { ["timeLimit"] = "PT4H" };

    private async Task<(EngineRun Run, JobFailureLog Failures, UnreliableStore Store)> SetUpAsync(
        SqlDialect dialect, Action<ServiceTaskHandlers>? handlers = null)
    {
        var database = await databases.EmptyAsync(dialect);
        await TestDatabases.Runner(database).ApplyAsync();
        var store = new UnreliableStore(new SqlWorkflowStore(database));
        return (new EngineRun(store, handlers), new JobFailureLog(database), store);
    }

    private static JobExecutor Executor(EngineRun run, JobFailureLog failures, JobExecutorOptions? options = null) =>
        new(run.Engine, failures, run.Clock, options ?? new JobExecutorOptions { WorkerId = "node-a" }, NullLogger<JobExecutor>.Instance);

    [Theory, OnSqlite, OnPostgres]
    public async Task Due_timers_fire_and_the_executor_sleeps_until_the_next_one(SqlDialect dialect)
    {
        var (run, failures, _) = await SetUpAsync(dialect);
        run.Deploy("timers/deadline.bpmn");
        var id = run.Start("deadline", FourHourLimit);
        var executor = Executor(run, failures, new JobExecutorOptions { WorkerId = "node-a", PollInterval = TimeSpan.FromHours(8) });

        Assert.Equal(TimeSpan.FromHours(4), executor.IdleDelay());
        Assert.Equal(0, executor.RunDueJobs());
        run.Clock.Advance(TimeSpan.FromHours(4));
        Assert.Equal(1, executor.RunDueJobs());

        Assert.Equal(["Supervise"], run.Tasks(id).Select(t => t.ElementId));
        Assert.Single(run.Engine.History(id).OfType<JobFired>());
        Assert.Equal(TimeSpan.FromHours(8), executor.IdleDelay());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_stop_request_hands_back_the_jobs_not_yet_started(SqlDialect dialect)
    {
        using var stop = new CancellationTokenSource();
        var (run, failures, store) = await SetUpAsync(dialect, handlers => handlers.Register("send-reminder", _ =>
        {
            stop.Cancel();
            return ServiceTaskResult.Completed();
        }));
        run.Deploy("timers/reminder-cycle.bpmn");
        var instances = Enumerable.Range(0, 3).Select(_ => run.Start("reminder_cycle")).ToList();
        run.Clock.Advance(TimeSpan.FromHours(1));

        var fired = Executor(run, failures).RunDueJobs(stop.Token);

        Assert.Equal(1, fired);
        var waiting = instances.SelectMany(i => run.Engine.FindInstance(i)!.Jobs.Values).Where(j => j.DueAt <= run.Clock.GetUtcNow()).ToList();
        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, j => Assert.Null(store.FindJob(j.Id)!.LockOwner));
        Assert.Equal(2, Executor(run, failures, new JobExecutorOptions { WorkerId = "node-b" }).RunDueJobs());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_job_failing_while_the_database_is_down_backs_off_is_parked_and_runs_when_an_operator_retries_it(SqlDialect dialect)
    {
        var (run, failures, store) = await SetUpAsync(dialect);
        run.Deploy("timers/deadline.bpmn");
        var id = run.Start("deadline", FourHourLimit);
        var options = new JobExecutorOptions { WorkerId = "node-a", MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromSeconds(10) };
        var executor = Executor(run, failures, options);
        var job = Assert.Single(run.Engine.FindInstance(id)!.Jobs.Values);
        run.Clock.Advance(TimeSpan.FromHours(4));
        store.Down = true;

        Assert.Equal(0, executor.RunDueJobs());
        Assert.Equal(1, failures.Find(job.Id)!.Attempts);
        Assert.Equal(run.Clock.GetUtcNow().AddSeconds(10), store.FindJob(job.Id)!.LockExpiresAt);
        Assert.Equal(0, executor.RunDueJobs());
        Assert.Equal(1, failures.Find(job.Id)!.Attempts);

        run.Clock.Advance(TimeSpan.FromSeconds(10));
        executor.RunDueJobs();
        Assert.Equal(run.Clock.GetUtcNow().AddSeconds(20), store.FindJob(job.Id)!.LockExpiresAt);
        run.Clock.Advance(TimeSpan.FromSeconds(20));
        executor.RunDueJobs();

        var parked = failures.Find(job.Id)!;
        Assert.Equal(3, parked.Attempts);
        Assert.Contains("did not answer", parked.LastError);
        Assert.Equal(JobFailureLog.Parked, store.FindJob(job.Id)!.LockExpiresAt);
        store.Down = false;
        run.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, executor.RunDueJobs());
        Assert.Equal([parked], failures.List());

        Assert.True(failures.Retry(job.Id));
        Assert.Equal(1, executor.RunDueJobs());

        Assert.Null(failures.Find(job.Id));
        Assert.Equal(["Supervise"], run.Tasks(id).Select(t => t.ElementId));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_job_whose_command_keeps_failing_becomes_an_incident_on_its_instance(SqlDialect dialect)
    {
        var (run, failures, store) = await SetUpAsync(dialect);
        run.Deploy("timers/deadline.bpmn");
        var id = run.Start("deadline", FourHourLimit);
        var executor = Executor(run, failures, new JobExecutorOptions { WorkerId = "node-a", MaxAttempts = 2, FirstRetryDelay = TimeSpan.FromSeconds(10) });
        var job = Assert.Single(run.Engine.FindInstance(id)!.Jobs.Values);
        run.Clock.Advance(TimeSpan.FromHours(4));
        store.TimersFail = true;

        executor.RunDueJobs();
        run.Clock.Advance(TimeSpan.FromSeconds(10));
        executor.RunDueJobs();

        var incident = Assert.Single(run.Engine.FindInstance(id)!.Incidents.Values);
        Assert.Equal(IncidentKind.JobFailed, incident.Kind);
        Assert.Contains("failed 2 times", incident.Message);
        Assert.Contains("Deadlock detected", incident.Message);
        Assert.Null(store.FindJob(job.Id));
        Assert.Null(failures.Find(job.Id));
        Assert.Equal(["Handle"], run.Tasks(id).Select(t => t.ElementId));

        store.TimersFail = false;
        run.Engine.ResolveIncident(id, incident.Id).Expect();

        Assert.Equal(["Supervise"], run.Tasks(id).Select(t => t.ElementId));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Running_in_the_background_it_fires_timers_as_they_fall_due_and_stops_on_request(SqlDialect dialect)
    {
        var (run, failures, _) = await SetUpAsync(dialect);
        run.Deploy("timers/deadline.bpmn");
        var id = run.Start("deadline", FourHourLimit);
        var executor = Executor(run, failures, new JobExecutorOptions
        {
            WorkerId = "node-a",
            PollInterval = TimeSpan.FromMilliseconds(50),
            MinimumIdle = TimeSpan.FromMilliseconds(10),
        });
        using var stop = new CancellationTokenSource();

        var running = executor.RunAsync(stop.Token);
        await Task.Delay(200);
        Assert.Equal(["Handle"], run.Tasks(id).Select(t => t.ElementId));
        run.Clock.Advance(TimeSpan.FromHours(4));
        for (var waited = 0; waited < 100 && run.Tasks(id).All(t => t.ElementId != "Supervise"); waited++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(["Supervise"], run.Tasks(id).Select(t => t.ElementId));
        Assert.False(running.IsCompleted);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Retry_delays_double_from_the_first_and_stop_at_the_maximum()
    {
        var options = new JobExecutorOptions { WorkerId = "node-a", FirstRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(1) };

        Assert.Equal(
            [10, 20, 40, 60, 60],
            Enumerable.Range(1, 5).Select(n => options.RetryDelay(n).TotalSeconds));
    }
}
