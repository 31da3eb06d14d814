using System.Net;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Tests.Durable;
using CityOps.Flow.Web.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CityOps.Flow.Web.Tests.Lifecycle;

/// <summary>
/// The real host on Kestrel at a free local port, over its own SQLite file or its own PostgreSQL database, with the
/// adjustable clock starting on Monday 2 March 2026 at 09:00 in Shanghai (a plain working week on the district
/// calendar). Clients talk to it over real HTTP with cookies, as a browser or a client application would.
/// </summary>
public sealed class LifecycleHost : WebApplicationFactory<Program>
{
    public const string Password = "Lifecycle#2026";

    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly string dataDirectory = PortalHost.NewDataDirectory();
    private readonly string? database;
    private readonly string? connectionString;

    private LifecycleHost(LifecycleStore store)
    {
        Store = store;
        if (store == LifecycleStore.Postgres)
        {
            database = "cityops_lifecycle_" + Guid.NewGuid().ToString("N")[..12];
            connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ToString();
        }
    }

    public LifecycleStore Store { get; }

    /// <summary>Where the host listens, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    private static string ServerConnectionString => PostgresFactAttribute.ServerConnectionString
        ?? throw new InvalidOperationException($"{PostgresFactAttribute.Variable} is not set");

    public static async Task<LifecycleHost> StartAsync(LifecycleStore store)
    {
        var host = new LifecycleHost(store);
        if (host.database is not null)
        {
            await ExecuteAsync(ServerConnectionString, $"CREATE DATABASE {host.database}");
        }

        host.UseKestrel(0);
        host.StartServer();
        host.BaseUrl = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return host;
    }

    /// <summary>A signed-in session over HTTP for one of the demo users or a user made by <see cref="CreateUserAsync"/>.</summary>
    public async Task<ApiSession> SignInAsync(string userName, string password = Password)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(BaseUrl),
        };
        return await ApiSession.SignInAsync(http, userName, password);
    }

    /// <summary>A user of one role, area and department, as an administrator would create them.</summary>
    public async Task<string> CreateUserAsync(string userName, string role, string areaId, string? departmentId = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CityUser>>();
        var user = new CityUser { UserName = userName, DisplayName = userName, AreaId = areaId, DepartmentId = departmentId };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded, $"user {userName} not created");
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded, $"role {role} not given to {userName}");
        return user.Id;
    }

    public async Task<string> UserIdAsync(string userName)
    {
        using var scope = Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<CityUser>>().FindByNameAsync(userName);
        return user?.Id ?? throw new InvalidOperationException($"no user {userName}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
        if (database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(ServerConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
        builder.UseSetting("CityOps:Clock:Adjustable", "true");
        builder.UseSetting("CityOps:Clock:Start", Monday.ToString("O"));
        builder.UseSetting("Workflows:PollInterval", "00:00:05");
        if (connectionString is not null)
        {
            builder.UseSetting("Storage:Provider", "postgres");
            builder.UseSetting("ConnectionStrings:CityOps", connectionString);
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
