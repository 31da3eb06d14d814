using CityOps.Flow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityOps.Flow.Web.Tests.Hosting;

public sealed class HealthTests : IAsyncLifetime
{
    private readonly PortalHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Live_answers_without_checking_anything()
    {
        var response = await host.CreateClient().GetAsync("/health/live");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_answers_when_the_database_can_be_reached()
    {
        var response = await host.CreateClient().GetAsync("/health/ready");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(host.DataDirectory, "cityops.db")), "the SQLite file lives in the configured data folder");
    }

    [Fact]
    public async Task Ready_is_503_when_the_database_cannot_be_reached()
    {
        // The portal starts on its SQLite file, but the readiness probe asks a PostgreSQL server nobody listens for.
        var unreachable = new StorageOptions { Provider = StorageOptions.PostgresProvider, ConnectionString = "Host=127.0.0.1;Port=9;Timeout=3;Database=cityops;Username=cityops" };
        await using var broken = new PortalHost
        {
            ReplaceServices = services => services.AddSingleton(provider => new DatabaseHealth(
                StorageServiceCollectionExtensions.CreateConnectionFactory(unreachable, SqlDialect.Postgres),
                provider.GetRequiredService<ILogger<DatabaseHealth>>())),
        };

        var response = await broken.CreateClient().GetAsync("/health/ready");

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await broken.CreateClient().GetAsync("/health/live")).StatusCode);
    }
}
