using System.Net;
using System.Net.Http.Json;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Api.Clients;
using CityOps.Flow.Web.Tests.Durable;
using Dapper;
using Npgsql;

namespace CityOps.Flow.Web.Tests.Alarms;

/// <summary>Two host processes on one PostgreSQL database take alarms of one cluster at the same moment.</summary>
[Collection(HostProcessCollection.Name)]
public sealed class TwoNodeAlarmTests
{
    private const int Alarms = 40;

    [PostgresFact]
    public async Task Two_nodes_posting_one_cluster_at_once_open_a_single_case()
    {
        var database = "cityops_alarms_" + Guid.NewGuid().ToString("N")[..12];
        var server = PostgresFactAttribute.ServerConnectionString!;
        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Storage:Provider"] = "postgres",
                ["ConnectionStrings:CityOps"] = connectionString,
                ["Alarms:Clients:video-box:KeyHash"] = ApiClientKeys.HashOf(AlarmClient.VideoBoxKey),
                ["Alarms:PermitsPerMinute"] = "10000",
            };
            await using var first = await HostProcess.StartAsync(settings);
            await using var second = await HostProcess.StartAsync(settings);
            using var toFirst = Client(first);
            using var toSecond = Client(second);

            // Forty alarms of one spot (within 40 m), half to each node, all in flight together.
            using var start = new ManualResetEventSlim();
            var posts = Enumerable.Range(0, Alarms).Select(i => Task.Run(async () =>
            {
                start.Wait();
                var alarm = AlarmClient.VideoAlarm($"cam-0042-{i:D4}", 31.052, 121.579 + i * 0.00001);
                return await (i % 2 == 0 ? toFirst : toSecond).PostAsJsonAsync("/api/alarms", alarm);
            })).ToList();
            start.Set();
            var answers = await Task.WhenAll(posts);

            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK,
                $"{(int)a.StatusCode}: {a.Content.ReadAsStringAsync().Result}{Environment.NewLine}{first.RecentOutput}{Environment.NewLine}{second.RecentOutput}"));
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
            var connections = new PostgresConnectionFactory(connectionString);
            await using var connection = await connections.OpenAsync();
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cases"));
            Assert.Equal(Alarms, await connection.ExecuteScalarAsync<long>("SELECT cluster_size FROM cases"));
            Assert.Equal(Alarms - 1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM case_events WHERE kind = 'ReportJoined'"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM workflow_instances"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static HttpClient Client(HostProcess host)
    {
        var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", AlarmClient.VideoBoxKey);
        return http;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
