using System.Diagnostics;
using System.Globalization;
using CityOps.Flow.Benchmarks.Durable;
using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Scheduling.Timers;
using CityOps.Flow.Engine.Storage;
using CityOps.Flow.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityOps.Flow.Benchmarks.Timers;

/// <summary>
/// On SQLite with 100,000 pending timers: how long one job acquisition takes, and how late the job executor fires
/// timers that come due at 1,000 per second.
/// </summary>
public static class TimerBenchmark
{
    private const int Pending = 100_000;
    private const int Acquisitions = 200;
    private const int Rate = 1_000;
    private const int Fired = 5_000;

    private const string Process = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs_due_reminder" targetNamespace="http://cityops.example/bpmn">
          <bpmn:process id="due_reminder" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Due" />
            <bpmn:intermediateCatchEvent id="Due">
              <bpmn:timerEventDefinition><bpmn:timeDate>=date and time(fireAt)</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="Due" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static void Run()
    {
        using var database = BenchDatabase.Sqlite();
        var clock = new PausableClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8)));
        var engine = database.NewEngine(clock);
        var store = engine.Store;

        var watch = Stopwatch.StartNew();
        LayOutPendingTimers(store, clock.Start);
        Console.WriteLine($"{Pending} pending timers (a day ahead) and {Acquisitions * 50} due ones written in {watch.Elapsed.TotalSeconds:F1} s");

        var acquire = MeasureAcquisition(store, clock.Start);
        Console.WriteLine($"acquire 50 due jobs among {Pending} pending: median {acquire.Median:F2} ms, p99 {acquire.P99:F2} ms over {Acquisitions} acquisitions");

        var deployed = engine.Deploy([new DeploymentResource("due-reminder.bpmn", Process)]);
        if (!deployed.Succeeded) throw new InvalidOperationException(string.Join("; ", deployed.Problems));
        var firstDue = clock.Start.AddSeconds(1);
        watch.Restart();
        for (var i = 0; i < Fired; i++)
        {
            var fireAt = firstDue.AddTicks(TimeSpan.TicksPerSecond * i / Rate);
            engine.StartInstance("due_reminder", new Dictionary<string, object?> { ["fireAt"] = fireAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture) }).Expect();
        }

        Console.WriteLine($"{Fired} instances waiting on timers due {Rate}/s from one second after the clock runs, created in {watch.Elapsed.TotalSeconds:F1} s");

        var executor = new JobExecutor(engine, new JobFailureLog(database.Connections), clock, new JobExecutorOptions
        {
            WorkerId = "bench-executor",
            BatchSize = 50,
            PollInterval = TimeSpan.FromMilliseconds(500),
            MinimumIdle = TimeSpan.FromMilliseconds(2),
        }, NullLogger<JobExecutor>.Instance);
        using var stop = new CancellationTokenSource();
        clock.Resume();
        var running = executor.RunAsync(stop.Token);
        var instanceIds = WaitUntilFired(database, TimeSpan.FromSeconds(Fired / Rate + 120));
        stop.Cancel();
        running.GetAwaiter().GetResult();

        var lags = instanceIds
            .Select(id => store.ReadHistory(id))
            .Select(history => (history.OfType<JobFired>().Single().Time - history.OfType<JobCreated>().Single().Job.DueAt).TotalMilliseconds)
            .Order()
            .ToArray();
        var p99 = lags[(int)Math.Ceiling(lags.Length * 0.99) - 1];
        Console.WriteLine($"due → fired over {lags.Length} timers at {Rate}/s: median {lags[lags.Length / 2]:F0} ms, p99 {p99:F0} ms, max {lags[^1]:F0} ms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT acquire_ms={acquire.Median:F2} lag_p99_ms={p99:F0}"));
    }

    /// <summary>Timer start jobs of a process nobody deploys: they only fill the index the acquisition query searches.</summary>
    private static void LayOutPendingTimers(IWorkflowStore store, DateTimeOffset now)
    {
        var due = Enumerable.Range(0, Acquisitions * 50).Select(i => Job(now.AddMinutes(-1).AddMilliseconds(i)));
        var pending = Enumerable.Range(0, Pending).Select(i => Job(now.AddDays(1).AddMilliseconds(i)));
        foreach (var batch in due.Concat(pending).Chunk(2_000))
        {
            store.Commit(new WorkflowCommit { DefinitionJobsSaved = batch });
        }
    }

    private static JobRecord Job(DateTimeOffset dueAt) => new()
    {
        Id = Guid.NewGuid(),
        Kind = JobKind.TimerStart,
        DueAt = dueAt,
        ElementId = "Start",
        ProcessId = "never_deployed",
        ProcessVersion = 1,
        TimerKind = TimerKind.Date,
        TimerText = dueAt.ToString("O", CultureInfo.InvariantCulture),
    };

    private static (double Median, double P99) MeasureAcquisition(IWorkflowStore store, DateTimeOffset now)
    {
        var times = new double[Acquisitions];
        for (var i = 0; i < Acquisitions; i++)
        {
            var watch = Stopwatch.StartNew();
            // Locked for longer than the run: the executor later must skip these and find the timers that are really due.
            var batch = store.AcquireDueJobs(now, "bench-acquirer", now.AddHours(1), 50);
            times[i] = watch.Elapsed.TotalMilliseconds;
            if (batch.Count != 50) throw new InvalidOperationException($"acquisition {i} took {batch.Count} jobs, not 50");
        }

        Array.Sort(times);
        return (times[Acquisitions / 2], times[(int)Math.Ceiling(Acquisitions * 0.99) - 1]);
    }

    private static IReadOnlyList<Guid> WaitUntilFired(BenchDatabase database, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            using var connection = database.Connections.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM workflow_instances WHERE status = 'Active'";
            if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                command.CommandText = "SELECT id FROM workflow_instances";
                using var reader = command.ExecuteReader();
                var ids = new List<Guid>();
                while (reader.Read()) ids.Add(Guid.Parse(reader.GetString(0)));
                return ids;
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timers still pending after {within}");
            Thread.Sleep(100);
        }
    }
}
