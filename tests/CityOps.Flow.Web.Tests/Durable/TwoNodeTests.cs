using System.Diagnostics;
using CityOps.Flow.Engine.Dmn;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Storage;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit.Abstractions;

namespace CityOps.Flow.Web.Tests.Durable;

/// <summary>Two host processes share one PostgreSQL database and its due timers; one of them dies mid-run.</summary>
[Collection(HostProcessCollection.Name)]
public sealed class TwoNodeTests(ITestOutputHelper output)
{
    private const int Timers = 10_000;

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

    [PostgresFact]
    public async Task Ten_thousand_due_timers_fire_exactly_once_across_two_nodes_when_one_is_killed()
    {
        var database = "cityops_two_nodes_" + Guid.NewGuid().ToString("N")[..12];
        var server = PostgresFactAttribute.ServerConnectionString!;
        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
        try
        {
            var connections = new PostgresConnectionFactory(connectionString);
            await new MigrationRunner(connections, NullLogger<MigrationRunner>.Instance).ApplyAsync();
            var watch = Stopwatch.StartNew();
            await CreateDueTimersAsync(connections);
            output.WriteLine($"{Timers} due timers created in {watch.Elapsed.TotalSeconds:F1} s");

            var settings = new Dictionary<string, string>
            {
                ["Storage:Provider"] = "postgres",
                ["ConnectionStrings:CityOps"] = connectionString,
                ["Workflows:LockDuration"] = "00:00:03",
                ["Workflows:PollInterval"] = "00:00:01",
                ["Workflows:BatchSize"] = "20",
            };
            watch.Restart();
            await using var doomed = await HostProcess.StartAsync(settings);
            await using var survivor = await HostProcess.StartAsync(settings);

            await WaitUntilAsync(connections, completed => completed >= Timers / 4, TimeSpan.FromSeconds(120));
            doomed.Kill();
            var atKill = await CompletedAsync(connections);
            output.WriteLine($"one node killed after {watch.Elapsed.TotalSeconds:F1} s with {atKill} timers fired");

            await WaitUntilAsync(connections, completed => completed == Timers, TimeSpan.FromSeconds(180), survivor);
            output.WriteLine($"all {Timers} fired after {watch.Elapsed.TotalSeconds:F1} s");

            await using var connection = await connections.OpenAsync();
            var firedPerInstance = (await connection.QueryAsync<long>(
                "SELECT COUNT(*) FILTER (WHERE h.kind = 'job-fired') FROM workflow_instances i LEFT JOIN history_events h ON h.instance_id = i.id GROUP BY i.id")).ToList();
            Assert.Equal(Timers, firedPerInstance.Count);
            Assert.All(firedPerInstance, fired => Assert.Equal(1, fired));
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM jobs"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    /// <summary>Starts the instances from the test itself (no node runs jobs yet): each waits for a timer already due.</summary>
    private static async Task CreateDueTimersAsync(IDbConnectionFactory connections)
    {
        var feel = new FeelEngine(TimeProvider.System);
        var engine = new WorkflowEngine(new SqlWorkflowStore(connections), TimeProvider.System, feel, new DmnEvaluator(feel), new ServiceTaskHandlers());
        Assert.True(engine.Deploy([new DeploymentResource("due-reminder.bpmn", Process)]).Succeeded);
        var fireAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            while (Interlocked.Increment(ref next) <= Timers)
            {
                engine.StartInstance("due_reminder", new Dictionary<string, object?> { ["fireAt"] = fireAt }).Expect();
            }
        })));
    }

    private static async Task WaitUntilAsync(IDbConnectionFactory connections, Func<long, bool> done, TimeSpan within, HostProcess? host = null)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var completed = await CompletedAsync(connections);
            if (done(completed))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"only {completed} of {Timers} timers fired within {within}:{Environment.NewLine}{host?.RecentOutput}");
            await Task.Delay(200);
        }
    }

    private static async Task<long> CompletedAsync(IDbConnectionFactory connections)
    {
        await using var connection = await connections.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM workflow_instances WHERE status = 'Completed'");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
