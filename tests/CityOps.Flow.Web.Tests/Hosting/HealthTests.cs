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
}
