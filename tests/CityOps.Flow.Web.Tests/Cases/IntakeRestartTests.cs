using System.Net;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Cases;

/// <summary>The duplicate index lives in memory: a restarted host rebuilds it from the open cases.</summary>
public sealed class IntakeRestartTests : IDisposable
{
    private readonly string dataDirectory = PortalHost.NewDataDirectory();

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    [Fact]
    public async Task After_a_restart_a_nearby_report_still_joins_the_open_case()
    {
        string caseId;
        await using (var host = new PortalHost(dataDirectory))
        {
            var api = await CaseApiClient.SignInAsync(host, "dispatcher", "Dispatcher#2026");
            var opened = await api.FileAsync(CaseApiClient.LampReport("app-before", 31.052, 121.579), HttpStatusCode.Created);
            caseId = opened.GetProperty("caseId").GetString()!;
        }

        await using (var host = new PortalHost(dataDirectory))
        {
            var api = await CaseApiClient.SignInAsync(host, "dispatcher", "Dispatcher#2026");
            var joined = await api.FileAsync(CaseApiClient.LampReport("app-after", 31.05205, 121.579), HttpStatusCode.OK);
            var retried = await api.FileAsync(CaseApiClient.LampReport("app-before", 31.052, 121.579), HttpStatusCode.OK);

            Assert.Equal("joined", joined.GetProperty("outcome").GetString());
            Assert.Equal(caseId, joined.GetProperty("caseId").GetString());
            Assert.Equal(2, joined.GetProperty("clusterSize").GetInt32());
            Assert.Equal("duplicate", retried.GetProperty("outcome").GetString());
            Assert.Equal(caseId, retried.GetProperty("caseId").GetString());
        }
    }
}
