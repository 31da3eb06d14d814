using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Durable;

/// <summary>The repository's own workflows folder: what a fresh installation deploys.</summary>
public sealed class RepositoryWorkflowsTests : IDisposable
{
    private readonly string dataDirectory = PortalHost.NewDataDirectory();

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    [Fact]
    public async Task A_fresh_host_deploys_the_case_lifecycle_and_its_decision_tables_and_a_restart_deploys_nothing_new()
    {
        await using (var host = new PortalHost(dataDirectory))
        {
            var api = await SignInAsync(host);
            var definitions = (await api.GetAsync("/api/workflows/definitions")).EnumerateArray()
                .Select(d => (d.GetProperty("processId").GetString(), d.GetProperty("version").GetInt32())).ToList();
            Assert.Contains(("case-lifecycle", 1), definitions);
            Assert.Contains(host.Log, line => line.Contains("Deployed", StringComparison.Ordinal) && line.Contains("case-lifecycle v1", StringComparison.Ordinal));
        }

        await using (var host = new PortalHost(dataDirectory))
        {
            var api = await SignInAsync(host);
            Assert.Equal(1, (await api.GetAsync("/api/workflows/definitions/case-lifecycle/versions")).GetArrayLength());
            Assert.Contains(host.Log, line => line.Contains("all unchanged", StringComparison.Ordinal));
        }
    }

    private static async Task<WorkflowApiClient> SignInAsync(PortalHost host)
    {
        var client = new PortalClient(host);
        await client.SignInAsync("admin", "Admin#2026");
        return new WorkflowApiClient(client.Http);
    }
}
