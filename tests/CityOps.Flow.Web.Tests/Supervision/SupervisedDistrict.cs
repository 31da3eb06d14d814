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

namespace CityOps.Flow.Web.Tests.Supervision;

/// <summary>
/// The real host of the demo district on a clock the test moves: SQLite by default, or a PostgreSQL database of its
/// own on the server named by <c>CITYOPS_TEST_POSTGRES</c>. The clock starts on Monday 16 November 2026, 09:00 China
/// time, the first working minute of a week without holidays.
/// </summary>
public sealed class SupervisedDistrict : IAsyncDisposable
{
    /// <summary>Jiangyue Community, Pujiang Subdistrict (street A).</summary>
    public static readonly (double Latitude, double Longitude) StreetA = (31.052, 121.579);

    /// <summary>Dongming Community, Dongming Road Subdistrict (street B).</summary>
    public static readonly (double Latitude, double Longitude) StreetB = (31.0832, 121.5668);

    public const string StreetAId = "310199001";
    public const string StreetBId = "310199002";
    public const string Password = "Supervise#2026";

    public static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly string? database;
    private readonly List<(PortalClient Client, string UserName, string Password)> sessions = [];

    private SupervisedDistrict(IReadOnlyDictionary<string, string?> settings, string? database)
    {
        this.database = database;
        Clock = new AdjustableClock(Monday);
        Host = new PortalHost(settings: settings) { ReplaceServices = services => services.AddSingleton<TimeProvider>(Clock) };
    }

    public AdjustableClock Clock { get; }

    public PortalHost Host { get; }

    /// <summary>A district on SQLite in a data folder of its own.</summary>
    public static SupervisedDistrict OnSqlite() => new(BaseSettings(), null);

    /// <summary>A district on a new PostgreSQL database, dropped again when the district is disposed.</summary>
    public static async Task<SupervisedDistrict> OnPostgresAsync()
    {
        var server = PostgresFactAttribute.ServerConnectionString!;
        var database = "cityops_supervision_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var settings = BaseSettings();
        settings["Storage:Provider"] = "postgres";
        settings["ConnectionStrings:CityOps"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
        return new SupervisedDistrict(settings, database);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresFactAttribute.ServerConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Moves the host's clock to the instant. Sign-in sessions last ten hours, so everyone signed in through this
    /// district signs in again, as they would on a new working day.
    /// </summary>
    public async Task MoveToAsync(DateTimeOffset instant)
    {
        Clock.SetUtcNow(instant);
        foreach (var (client, userName, password) in sessions)
        {
            await SignInAsync(client, userName, password);
        }
    }

    public async Task<HttpClient> SignInAsync(string userName, string password = Password) =>
        (await BrowseAsync(userName, password)).Http;

    /// <summary>A signed-in portal session that posts forms as a browser does.</summary>
    public async Task<PortalClient> BrowseAsync(string userName, string password = Password)
    {
        var client = new PortalClient(Host);
        await SignInAsync(client, userName, password);
        sessions.Add((client, userName, password));
        return client;
    }

    private static async Task SignInAsync(PortalClient client, string userName, string password)
    {
        var signedIn = await client.SignInAsync(userName, password);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{userName} could not sign in: {(int)signedIn.StatusCode}");
    }

    public async Task CreateUserAsync(string userName, string role, string areaId, string? departmentId = null)
    {
        using var scope = Host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CityUser>>();
        var user = new CityUser { UserName = userName, DisplayName = userName, AreaId = areaId, DepartmentId = departmentId ?? "dept-hotline" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    /// <summary>Files a street-lamp report (limit P2D, routed straight to a department) through the intake API as the operator.</summary>
    public async Task<FiledCase> FileLampAsync(HttpClient operatorApi, string sourceId, (double Latitude, double Longitude) at, string description = "路灯不亮，晚上很黑")
    {
        var report = CaseApiClient.LampReport(sourceId, at.Latitude, at.Longitude, description);
        report["occurredAt"] = Clock.GetUtcNow().AddMinutes(-10);
        var answer = await CaseApiClient.ExpectAsync(await operatorApi.PostAsJsonAsync("/api/intake/reports", report), HttpStatusCode.Created);
        var opened = answer.GetProperty("case");
        Assert.Equal("Dispatched", opened.GetProperty("status").GetString(), ignoreCase: true);
        return new FiledCase(
            answer.GetProperty("caseId").GetString()!,
            answer.GetProperty("caseNumber").GetString()!,
            opened.GetProperty("leadDepartmentId").GetString()!,
            opened.GetProperty("dueAt").GetDateTimeOffset());
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient http, string path) =>
        await CaseApiClient.ExpectAsync(await http.GetAsync(path), HttpStatusCode.OK);

    public static async Task<JsonElement> PostJsonAsync(HttpClient http, string path, object body, HttpStatusCode expected) =>
        await CaseApiClient.ExpectAsync(await http.PostAsJsonAsync(path, body), expected);

    private static Dictionary<string, string?> BaseSettings() => new()
    {
        // The job executor stays asleep: tests move the clock and decide when timers fire.
        ["Workflows:PollInterval"] = "01:00:00",
    };
}
