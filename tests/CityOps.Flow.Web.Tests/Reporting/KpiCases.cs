using System.Net;
using CityOps.Flow.Web.Identity;

namespace CityOps.Flow.Web.Tests.Reporting;

/// <summary>
/// Monday's cases, filed and worked through the APIs: (1) a lamp in Jiangyue, routed automatically, accepted, completed
/// two working hours later, reviewed and called back satisfied: closed; a second report of it joins it; (2) a lamp in
/// Dongming, routed automatically and returned as misrouted; (3) a critical lamp in Puxiu, filed by the dispatcher to
/// water affairs. Three cases, four reports, all by app.
/// </summary>
public sealed record KpiCases(string Closed, string Returned, string Filed, string ClosedDepartment)
{
    public static async Task<KpiCases> FileAsync(KpiHostScenario scenario)
    {
        var operatorSession = await scenario.SignInAsync("operator", "Operator#2026");
        var dispatcher = await scenario.SignInAsync("dispatcher", "Dispatcher#2026");

        var first = (await operatorSession.FileAsync(scenario.LampReport("kpi-lamp-1", KpiHostScenario.Jiangyue), HttpStatusCode.Created)).GetProperty("case");
        var closed = first.GetProperty("id").GetString()!;
        var department = first.GetProperty("leadDepartmentId").GetString()!;
        await scenario.CreateUserAsync("kpi-handler", CityRoles.Handler, KpiHostScenario.Pujiang, department);
        var handler = await scenario.SignInAsync("kpi-handler", "Kpi#2026x");
        await handler.ActAsync(closed, "accept", new { });
        var joined = await operatorSession.FileAsync(scenario.LampReport("kpi-lamp-1-again", KpiHostScenario.Jiangyue), HttpStatusCode.OK);
        Assert.Equal(closed, joined.GetProperty("caseId").GetString());
        scenario.Clock.Advance(TimeSpan.FromHours(2));
        await handler.ActAsync(closed, "complete", new { result = "更换灯泡，已亮" });
        await dispatcher.ActAsync(closed, "review", new { outcome = "accept" });
        await operatorSession.ActAsync(closed, "callback", new { outcome = "satisfied" });

        var second = (await operatorSession.FileAsync(scenario.LampReport("kpi-lamp-2", KpiHostScenario.DongmingCommunity), HttpStatusCode.Created)).GetProperty("case");
        var returned = second.GetProperty("id").GetString()!;
        await scenario.CreateUserAsync("kpi-handler-2", CityRoles.Handler, KpiHostScenario.Dongming, second.GetProperty("leadDepartmentId").GetString());
        var secondHandler = await scenario.SignInAsync("kpi-handler-2", "Kpi#2026x");
        await secondHandler.ActAsync(returned, "return", new { reason = "不属于本部门" });

        var third = (await operatorSession.FileAsync(scenario.LampReport("kpi-lamp-3", KpiHostScenario.Puxiu, "critical"), HttpStatusCode.Created)).GetProperty("case");
        var filed = third.GetProperty("id").GetString()!;
        await dispatcher.ActAsync(filed, "file", new { department = "dept-water" });
        return new KpiCases(closed, returned, filed, department);
    }
}
