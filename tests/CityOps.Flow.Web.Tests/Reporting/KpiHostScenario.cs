using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityOps.Flow.Engine.Scheduling;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Tests.Cases;
using CityOps.Flow.Web.Tests.Durable;
using CityOps.Flow.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CityOps.Flow.Web.Tests.Reporting;

/// <summary>
/// The real host on a clock set to Monday 16 November 2026, 09:00 China time, with cases filed and worked through the
/// intake and task APIs by the demo staff: the figures they produce are known exactly.
/// </summary>
public sealed class KpiHostScenario : IAsyncDisposable
{
    // Jiangyue and Puxiu communities of Pujiang Street, Dongming Community of Dongming Road Street.
    public const string Pujiang = "310199001";
    public const string Dongming = "310199002";
    public static readonly (double Latitude, double Longitude) Jiangyue = (31.052, 121.579);
    public static readonly (double Latitude, double Longitude) Puxiu = (31.0451, 121.5655);
    public static readonly (double Latitude, double Longitude) DongmingCommunity = (31.0832, 121.5668);

    public static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly string? postgresDatabase;

    private KpiHostScenario(PortalHost host, AdjustableClock clock, string? postgresDatabase)
    {
        Host = host;
        Clock = clock;
        this.postgresDatabase = postgresDatabase;
    }

    public PortalHost Host { get; }

    public AdjustableClock Clock { get; }

    public static async Task<KpiHostScenario> StartAsync(bool postgres)
    {
        var clock = new AdjustableClock(Monday);
        var settings = new Dictionary<string, string?> { ["Workflows:PollInterval"] = "00:00:30" };
        string? database = null;
        if (postgres)
        {
            var server = PostgresFactAttribute.ServerConnectionString!;
            database = "cityops_dashboard_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync(server, $"CREATE DATABASE {database}");
            settings["Storage:Provider"] = "postgres";
            settings["ConnectionStrings:CityOps"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
        }

        var host = new PortalHost(settings: settings)
        {
            ReplaceServices = services => services.AddSingleton<TimeProvider>(clock),
        };
        _ = host.Services; // start it
        return new KpiHostScenario(host, clock, database);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(PostgresFactAttribute.ServerConnectionString!, $"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)");
        }
    }

    public async Task<Session> SignInAsync(string userName, string password)
    {
        var client = new PortalClient(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(userName, password)).StatusCode);
        return new Session(client.Http);
    }

    /// <summary>A user of the role in the area (and department), password <c>Kpi#2026x</c>.</summary>
    public async Task CreateUserAsync(string userName, string role, string areaId, string? departmentId = null)
    {
        using var scope = Host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CityUser>>();
        var user = new CityUser { UserName = userName, DisplayName = userName, AreaId = areaId, DepartmentId = departmentId };
        Assert.True((await users.CreateAsync(user, "Kpi#2026x")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    /// <summary>A citizen-app report of a broken street lamp at the place, received now by the host's clock.</summary>
    public Dictionary<string, object?> LampReport(string sourceId, (double Latitude, double Longitude) place, string? severity = null)
    {
        var report = CaseApiClient.LampReport(sourceId, place.Latitude, place.Longitude);
        report["occurredAt"] = Clock.GetUtcNow().AddMinutes(-5);
        if (severity is not null)
        {
            report["severity"] = severity;
        }

        return report;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A signed-in user's HTTP session.</summary>
    public sealed class Session(HttpClient http)
    {
        public HttpClient Http => http;

        public async Task<JsonElement> GetAsync(string path) => await CaseApiClient.ExpectAsync(await http.GetAsync(path), HttpStatusCode.OK);

        public async Task<JsonElement> FileAsync(object report, HttpStatusCode expected) =>
            await CaseApiClient.ExpectAsync(await http.PostAsJsonAsync("/api/intake/reports", report), expected);

        /// <summary>The one open task of the case this user may work on, acted on; the answer must be 200.</summary>
        public async Task<JsonElement> ActAsync(string caseId, string action, object body)
        {
            var task = Assert.Single((await GetAsync($"/api/cases/{caseId}/tasks")).EnumerateArray());
            return await CaseApiClient.ExpectAsync(
                await http.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{task.GetProperty("id").GetString()}/{action}", body), HttpStatusCode.OK);
        }
    }
}
