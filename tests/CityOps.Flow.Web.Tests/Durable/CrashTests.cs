using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Storage;
using Dapper;
using Xunit.Abstractions;

namespace CityOps.Flow.Web.Tests.Durable;

/// <summary>
/// The host is SIGKILLed at random moments while instances start, tasks complete and timers fire over HTTP; after
/// every restart the work goes on, and at the end the database must tell one consistent story.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Instances = 2000;
    private const int Kills = 20;

    [Fact]
    public async Task Instances_survive_twenty_kills_with_every_timer_fired_once_and_every_task_completed_once()
    {
        var dataDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cityops-crash", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Storage:DataDirectory"] = dataDirectory,
                // A killed node's timer locks expire quickly so the restarted node takes them over.
                ["Workflows:LockDuration"] = "00:00:02",
                ["Workflows:PollInterval"] = "00:00:01",
            };
            var random = new Random(20261121);
            var started = new ConcurrentDictionary<Guid, bool>();
            var watch = Stopwatch.StartNew();

            for (var cycle = 0; cycle < Kills; cycle++)
            {
                await using var host = await HostProcess.StartAsync(settings);
                var api = new WorkflowApiClient(await host.SignInAsync());
                if (cycle == 0)
                {
                    await WorkflowApiClient.ExpectAsync(await api.DeployAsync(DurableFiles.InspectAndWait), HttpStatusCode.OK);
                }

                var quota = (Instances - started.Count + (Kills - cycle) - 1) / (Kills - cycle);
                using var stop = new CancellationTokenSource();
                var work = DriveAsync(api, started, quota, stop.Token);
                await Task.WhenAny(work, Task.Delay(random.Next(400, 2500)));
                host.Kill();
                await stop.CancelAsync();
                await Quietly(work, host);
            }

            output.WriteLine($"{Kills} kills after {watch.Elapsed.TotalSeconds:F0} s; {started.Count} starts confirmed");
            await using (var host = await HostProcess.StartAsync(settings))
            {
                var api = new WorkflowApiClient(await host.SignInAsync());
                await Quietly(DriveAsync(api, started, Instances - started.Count, CancellationToken.None), host, expectKill: false);
                await DrainAsync(api, dataDirectory, TimeSpan.FromSeconds(120), host);
            }

            output.WriteLine($"drained after {watch.Elapsed.TotalSeconds:F0} s");
            AssertConsistent(dataDirectory, started.Keys.ToHashSet());
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <summary>Starts <paramref name="quota"/> instances four at a time, then completes open tasks until stopped or none are left.</summary>
    private static async Task DriveAsync(WorkflowApiClient api, ConcurrentDictionary<Guid, bool> started, int quota, CancellationToken ct)
    {
        var remaining = quota;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0 && !ct.IsCancellationRequested)
            {
                started[await api.StartAsync("inspect_and_wait", new { wait = "PT2S" })] = true;
            }
        }));
        while (!ct.IsCancellationRequested && await CompleteOpenTasksAsync(api) > 0)
        {
        }
    }

    private static async Task<int> CompleteOpenTasksAsync(WorkflowApiClient api)
    {
        var page = await api.GetAsync("/api/workflows/tasks?candidateGroup=inspectors&limit=200");
        var ids = new ConcurrentQueue<Guid>(page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (ids.TryDequeue(out var id))
            {
                // A completion whose answer was lost in a kill may already be done: the task is then gone (404).
                var response = await api.Http.PostAsync($"/api/workflows/tasks/{id}/complete",
                    new StringContent("""{"variables":{"verdict":"fixed"}}""", System.Text.Encoding.UTF8, "application/json"));
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound,
                    $"complete {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }));
        return page.GetProperty("items").GetArrayLength();
    }

    private static async Task DrainAsync(WorkflowApiClient api, string dataDirectory, TimeSpan within, HostProcess host)
    {
        var deadline = DateTime.UtcNow + within;
        var connections = SqliteConnectionFactory.ForDataDirectory(dataDirectory);
        while (true)
        {
            await CompleteOpenTasksAsync(api);
            using var connection = connections.Open();
            var active = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM workflow_instances WHERE status = 'Active'");
            if (active == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{active} instances still active after {within}:{Environment.NewLine}{host.RecentOutput}");
            await Task.Delay(250);
        }
    }

    private void AssertConsistent(string dataDirectory, IReadOnlySet<Guid> confirmed)
    {
        var connections = SqliteConnectionFactory.ForDataDirectory(dataDirectory);
        var store = new SqlWorkflowStore(connections);
        using var connection = connections.Open();
        var rows = connection.Query<(string Id, string Status)>("SELECT id, status FROM workflow_instances").ToList();
        var openTaskRows = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM user_tasks");
        var jobRows = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM jobs");
        output.WriteLine($"{rows.Count} instances in the database ({confirmed.Count} confirmed to the client), {openTaskRows} open task rows, {jobRows} job rows");

        var ids = rows.Select(r => Guid.Parse(r.Id)).ToHashSet();
        Assert.Subset(ids, confirmed.ToHashSet());
        Assert.True(confirmed.Count >= Instances, $"only {confirmed.Count} starts confirmed");
        Assert.Equal(0, openTaskRows);
        Assert.Equal(0, jobRows);
        foreach (var (id, status) in rows)
        {
            var instanceId = Guid.Parse(id);
            var history = store.ReadHistory(instanceId);
            var replayed = InstanceReplay.StateAt(history);
            var live = store.LoadInstance(instanceId)!.State;
            Assert.Equal(status, replayed.Status.ToString());
            Assert.Equal(InstanceStatus.Completed, replayed.Status);
            Assert.Equal(Describe(replayed), Describe(live));
            Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(e => e.Sequence));
            Assert.Equal(1, history.Count(e => e is JobCreated));
            Assert.Equal(1, history.Count(e => e is JobFired));
            Assert.Equal(1, history.Count(e => e is UserTaskCreated));
            Assert.Equal(1, history.Count(e => e is TaskCompleted));
        }
    }

    private static string Describe(ProcessInstanceState state) => JsonSerializer.Serialize(new
    {
        state.Status,
        state.LastSequence,
        Tokens = state.Tokens.Values.OrderBy(t => t.Id).Select(t => $"{t.Id}:{t.ElementId}:{t.Phase}"),
        Variables = state.Variables.OrderBy(v => v.Key).Select(v => v.Value.OrderBy(p => p.Key).Select(p => $"{v.Key}.{p.Key}={p.Value}")),
        Tasks = state.OpenTasks.Keys.Order(),
        Jobs = state.Jobs.Keys.Order(),
    });

    /// <summary>
    /// Waits for the work a kill cut short, where a broken connection is expected; any other failure carries the host's
    /// last lines (its logged exception) into the test's message.
    /// </summary>
    private static async Task Quietly(Task work, HostProcess host, bool expectKill = true)
    {
        try
        {
            await work;
        }
        catch (Exception e) when (expectKill && CutShort(e))
        {
            // The host died under the request: exactly what this test is about.
        }
        catch (Exception e) when (!CutShort(e))
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}{Environment.NewLine}The host's last lines:{Environment.NewLine}{host.RecentOutput}");
        }
    }

    private static bool CutShort(Exception e) =>
        e is HttpRequestException or IOException or TaskCanceledException or OperationCanceledException or JsonException;
}
