using System.Net;

namespace CityOps.Flow.Web.Tests.Reporting;

/// <summary>Hotspot warnings through the real host: two weeks of one street-lamp report a day in Jiangyue, then eight in a day.</summary>
public sealed class HotspotApiTests
{
    [Fact]
    public async Task A_leader_is_warned_of_lamp_reports_rising_in_a_community_and_a_leader_of_another_street_is_not()
    {
        await using var scenario = await KpiHostScenario.StartAsync(postgres: false);
        // The sign-in cookie ages with the host's clock, so the operator signs in again each day.
        for (var day = 0; day < 14; day++)
        {
            var operatorSession = await scenario.SignInAsync("operator", "Operator#2026");
            await FileAsync(operatorSession, scenario.LampReport($"hotspot-{day}", KpiHostScenario.Jiangyue));
            scenario.Clock.Advance(TimeSpan.FromDays(1));
        }

        var today = await scenario.SignInAsync("operator", "Operator#2026");
        for (var i = 0; i < 8; i++)
        {
            await FileAsync(today, scenario.LampReport($"hotspot-today-{i}", KpiHostScenario.Jiangyue));
            scenario.Clock.Advance(TimeSpan.FromMinutes(20));
        }

        var leader = await scenario.SignInAsync("leader", "Leader#2026");
        await scenario.CreateUserAsync("dongming-leader", Web.Identity.CityRoles.Leader, KpiHostScenario.Dongming);
        var otherStreet = await scenario.SignInAsync("dongming-leader", "Kpi#2026x");

        var hotspots = await leader.GetAsync("/api/kpi/hotspots");
        var byStreet = await leader.GetAsync("/api/kpi/hotspots?level=street");

        var warning = Assert.Single(hotspots.GetProperty("warnings").EnumerateArray());
        Assert.Equal(("310199001001", "江月社区", "0109", "路灯", 8, 1.0),
            (warning.GetProperty("areaId").GetString(), warning.GetProperty("areaName").GetString(), warning.GetProperty("categoryCode").GetString(),
             warning.GetProperty("categoryName").GetString(), warning.GetProperty("currentCount").GetInt32(), warning.GetProperty("baselineMean").GetDouble()));
        Assert.Equal(8.0, warning.GetProperty("ratio").GetDouble());
        Assert.Equal(KpiHostScenario.Pujiang, Assert.Single(byStreet.GetProperty("warnings").EnumerateArray()).GetProperty("areaId").GetString());
        Assert.Equal(0, (await otherStreet.GetAsync("/api/kpi/hotspots")).GetProperty("warnings").GetArrayLength());
        var browser = new Hosting.PortalClient(scenario.Host);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("leader", "Leader#2026")).StatusCode);
        var page = await browser.GetPageAsync("/dashboard");
        Assert.Equal("8", page.QuerySelector("[data-table=hotspots] tr[data-key='310199001001/0109'] [data-cell=current]")!.TextContent.Trim());
    }

    /// <summary>Files a report; near an open case of its category it joins it (200) instead of opening one (201), and counts all the same.</summary>
    private static async Task FileAsync(KpiHostScenario.Session session, object report)
    {
        var answer = await session.Http.PostAsync("/api/intake/reports", System.Net.Http.Json.JsonContent.Create(report));
        Assert.True(answer.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
    }
}
