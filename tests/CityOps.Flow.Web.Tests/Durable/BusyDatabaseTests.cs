using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Tests.Hosting;
using Microsoft.Data.Sqlite;

namespace CityOps.Flow.Web.Tests.Durable;

/// <summary>Another process holds SQLite's write lock longer than the portal's busy timeout.</summary>
public sealed class BusyDatabaseTests : IAsyncLifetime
{
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromMilliseconds(300);

    private readonly PortalHost host = new(settings: new Dictionary<string, string?>
    {
        ["Storage:SqliteBusyTimeout"] = BusyTimeout.ToString(),
        ["Workflows:PollInterval"] = "00:00:30",
    });

    private WorkflowApiClient api = null!;

    public async Task InitializeAsync()
    {
        var client = new PortalClient(host);
        await client.SignInAsync("admin", "Admin#2026");
        api = new WorkflowApiClient(client.Http);
        await WorkflowApiClient.ExpectAsync(await api.DeployAsync(DurableFiles.InspectAndWait), HttpStatusCode.OK);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_start_that_cannot_get_the_write_lock_is_answered_503_with_retry_after_and_saves_nothing()
    {
        var start = new { processId = "inspect_and_wait", businessKey = "case-busy", variables = new { wait = "PT1H", site = "南京路 12 号" } };

        HttpResponseMessage busy;
        TimeSpan waited;
        await using (var otherWriter = new SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "cityops.db")};Pooling=False"))
        {
            await otherWriter.OpenAsync();
            using var held = otherWriter.BeginTransaction(deferred: false);
            var watch = Stopwatch.StartNew();
            busy = await api.Http.PostAsJsonAsync("/api/workflows/instances", start);
            waited = watch.Elapsed;
            held.Rollback();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), busy.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await busy.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal("The database is busy", problem.GetProperty("title").GetString());
        Assert.Contains("nothing was saved", problem.GetProperty("detail").GetString());

        // The store tried the commit again before giving up, each attempt waiting out the busy timeout.
        var attempts = SqlWorkflowStore.BusyCommitAttempts;
        Assert.True(waited >= BusyTimeout * attempts - TimeSpan.FromMilliseconds(50), $"answered after {waited}, expected {attempts} attempts of {BusyTimeout}");
        Assert.Equal(0, (await api.GetAsync("/api/workflows/tasks?candidateGroup=inspectors")).GetProperty("total").GetInt32());

        // Once the other writer is gone, the same request succeeds.
        var instanceId = await api.StartAsync(start.processId, start.variables, start.businessKey);
        var tasks = await api.GetAsync("/api/workflows/tasks?candidateGroup=inspectors");
        Assert.Equal(1, tasks.GetProperty("total").GetInt32());
        Assert.Equal(instanceId, tasks.GetProperty("items")[0].GetProperty("instanceId").GetGuid());
    }

    [Fact]
    public async Task A_writer_that_lets_go_within_the_busy_timeout_delays_the_request_but_does_not_fail_it()
    {
        await using var otherWriter = new SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "cityops.db")};Pooling=False");
        await otherWriter.OpenAsync();
        var held = otherWriter.BeginTransaction(deferred: false);
        var release = Task.Run(async () =>
        {
            await Task.Delay(BusyTimeout / 3);
            held.Rollback();
        });

        var instanceId = await api.StartAsync("inspect_and_wait", new { wait = "PT1H", site = "人民路 3 号" }, "case-brief-lock");
        await release;

        Assert.Equal("Active", (await api.InstanceAsync(instanceId)).GetProperty("status").GetString());
    }
}
