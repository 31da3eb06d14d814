using System.Net;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Durable;

/// <summary>The host deploys the BPMN files of its workflows folder on start; unchanged files create nothing on restart.</summary>
public sealed class StartupDeploymentTests : IDisposable
{
    private readonly string dataDirectory = PortalHost.NewDataDirectory();
    private readonly string workflows = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cityops-workflows", Guid.NewGuid().ToString("N"))).FullName;

    public StartupDeploymentTests()
    {
        var calendars = Directory.CreateDirectory(Path.Combine(workflows, "calendars")).FullName;
        File.Copy(Path.Combine(DurableFiles.RepositoryRoot, "workflows", "calendars", "demo-district.json"), Path.Combine(calendars, "demo-district.json"));
        Directory.CreateDirectory(Path.Combine(workflows, "inspection"));
        File.WriteAllText(Path.Combine(workflows, "inspection", "inspect-and-wait.bpmn"), DurableFiles.InspectAndWait);
    }

    public void Dispose()
    {
        Directory.Delete(dataDirectory, recursive: true);
        Directory.Delete(workflows, recursive: true);
    }

    [Fact]
    public async Task Files_in_the_workflows_folder_are_deployed_once_across_restarts_and_a_changed_file_becomes_version_two()
    {
        await AssertVersionsAsync(1);
        await AssertVersionsAsync(1);

        File.WriteAllText(Path.Combine(workflows, "inspection", "inspect-and-wait.bpmn"),
            DurableFiles.InspectAndWait.Replace("Inspect the site", "Inspect the site again", StringComparison.Ordinal));
        await AssertVersionsAsync(2);
    }

    [Fact]
    public async Task A_file_the_engine_refuses_stops_the_start_with_its_problem()
    {
        File.WriteAllText(Path.Combine(workflows, "broken.bpmn"), DurableFiles.InspectAndWait.Replace("targetRef=\"Settle\"", "targetRef=\"Nowhere\"", StringComparison.Ordinal));
        await using var host = Host();

        var failure = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("broken.bpmn", failure.ToString());
    }

    private async Task AssertVersionsAsync(int expected)
    {
        await using var host = Host();
        var client = new PortalClient(host);
        await client.SignInAsync("admin", "Admin#2026");
        var api = new WorkflowApiClient(client.Http);

        var versions = await api.GetAsync("/api/workflows/definitions/inspect_and_wait/versions");

        Assert.Equal(expected, versions.GetArrayLength());
        Assert.Equal("inspection/inspect-and-wait.bpmn", versions[expected - 1].GetProperty("resourceName").GetString());
    }

    private PortalHost Host() => new(dataDirectory, new Dictionary<string, string?> { ["Workflows:Directory"] = workflows });
}
