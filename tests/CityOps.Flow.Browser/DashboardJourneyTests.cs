using System.Text.Json;
using CityOps.Flow.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CityOps.Flow.Browser;

public sealed class DashboardJourneyTests : PortalBrowserTest
{
    [Fact]
    public async Task A_leader_sees_the_figures_change_as_a_case_is_filed_and_closed()
    {
        await using var leader = await PortalSession.OpenAsync(Browser, Server.BaseUrl);
        await leader.SignInAsync("leader", "Leader#2026");
        await leader.Page.SetViewportSizeAsync(1366, 768);
        await leader.Page.GotoAsync("/dashboard");
        await Expect(Figure(leader, "intake-today")).ToHaveTextAsync("0");
        await Expect(Figure(leader, "open")).ToHaveTextAsync("0");
        await Expect(Figure(leader, "satisfaction")).ToHaveTextAsync("—");
        await ExpectChartsDrawnAsync(leader);

        await using var operatorSession = await PortalSession.OpenAsync(Browser, Server.BaseUrl);
        await operatorSession.SignInAsync("operator", "Operator#2026");
        var filed = await ApiAsync(operatorSession, "/api/intake/reports", new
        {
            channel = "app",
            sourceId = "dashboard-journey-1",
            categoryCode = "0109",
            description = "路灯不亮，晚上很黑",
            location = new { point = new { latitude = 31.052, longitude = 121.579 }, address = "浦江路 100 号" },
            reporter = new { name = "张三丰", phone = "138 1234 5678" },
        });
        var caseId = filed.GetProperty("caseId").GetString()!;

        await leader.Page.ReloadAsync();
        await Expect(Figure(leader, "intake-today")).ToHaveTextAsync("1");
        await Expect(Figure(leader, "open")).ToHaveTextAsync("1");
        await Expect(Figure(leader, "cases")).ToHaveTextAsync("1");
        await Expect(Figure(leader, "auto-dispatch")).ToHaveTextAsync("100.0%");
        await Expect(leader.Page.Locator("[data-table=intake] tr[data-key=app] [data-cell=reports]")).ToHaveTextAsync("1");

        await CloseAsync(caseId, filed.GetProperty("case").GetProperty("leadDepartmentId").GetString()!, operatorSession);

        await leader.Page.ReloadAsync();
        await Expect(Figure(leader, "open")).ToHaveTextAsync("0");
        await Expect(Figure(leader, "satisfaction")).ToHaveTextAsync("100.0%");
        await Expect(Figure(leader, "first-time")).ToHaveTextAsync("100.0%");
        await Expect(Figure(leader, "on-time")).ToHaveTextAsync("100.0%");
        await ExpectChartsDrawnAsync(leader);
        await Screenshots.SaveAsync(leader.Page, "dashboard-leader-desktop");

        await leader.Page.SetViewportSizeAsync(390, 844);
        await leader.Page.ReloadAsync();
        await ExpectChartsDrawnAsync(leader);
        var width = await leader.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width} px wide at phone width; tables scroll inside their cards");
        await Screenshots.SaveAsync(leader.Page, "dashboard-leader-phone");
        Assert.True(leader.ScriptErrors.Count == 0, string.Join(Environment.NewLine, leader.ScriptErrors));
    }

    [Fact]
    public async Task The_window_form_switches_to_english_figures_for_a_week()
    {
        await using var leader = await PortalSession.OpenAsync(Browser, Server.BaseUrl);
        await leader.SignInAsync("leader", "Leader#2026");
        await leader.Page.ClickAsync("button[name=culture][value=en]");
        await leader.Page.GotoAsync("/dashboard");

        await leader.Page.SelectOptionAsync("#dashboard-period", "week");
        await leader.Page.FillAsync("#dashboard-date", "2026-11-18");
        await leader.Page.ClickAsync("[data-role=window-apply]");

        await Expect(leader.Page.Locator("[data-role=window-heading]")).ToHaveTextAsync("Cases opened 2026-11-16 to 2026-11-22");
        await Expect(leader.Page.Locator("[data-table=trend] tbody tr")).ToHaveCountAsync(7);
        await ExpectChartsDrawnAsync(leader);
        await Screenshots.SaveAsync(leader.Page, "dashboard-leader-week-en");
        Assert.True(leader.ScriptErrors.Count == 0, string.Join(Environment.NewLine, leader.ScriptErrors));
    }

    private static ILocator Figure(PortalSession session, string key) => session.Page.Locator($"[data-figure={key}] [data-value]");

    private static async Task ExpectChartsDrawnAsync(PortalSession session)
    {
        await Expect(session.Page.Locator("[data-chart=trend][data-chart-drawn=true] canvas")).ToHaveCountAsync(1);
        await Expect(session.Page.Locator("[data-chart=channels][data-chart-drawn=true] canvas")).ToHaveCountAsync(1);
        var painted = await session.Page.EvaluateAsync<bool>(
            "() => [...document.querySelectorAll('[data-chart] canvas')].every(c => c.width > 0 && c.height > 0)");
        Assert.True(painted, "every chart canvas has a size");
    }

    /// <summary>The lead department's handler accepts and completes, the dispatcher accepts the result, the operator records a satisfied citizen.</summary>
    private async Task CloseAsync(string caseId, string department, PortalSession operatorSession)
    {
        using (var scope = Server.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CityUser>>();
            var user = new CityUser { UserName = "lamp-handler", DisplayName = "路灯维修", AreaId = "310199001", DepartmentId = department };
            Assert.True((await users.CreateAsync(user, "Handler#2026x")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, CityRoles.Handler)).Succeeded);
        }

        await using var handler = await PortalSession.OpenAsync(Browser, Server.BaseUrl);
        await handler.SignInAsync("lamp-handler", "Handler#2026x");
        await ActAsync(handler, caseId, "accept", new { });
        await ActAsync(handler, caseId, "complete", new { result = "更换灯泡，已亮" });
        await using var dispatcher = await PortalSession.OpenAsync(Browser, Server.BaseUrl);
        await dispatcher.SignInAsync("dispatcher", "Dispatcher#2026");
        await ActAsync(dispatcher, caseId, "review", new { outcome = "accept" });
        await ActAsync(operatorSession, caseId, "callback", new { outcome = "satisfied" });
    }

    private static async Task ActAsync(PortalSession session, string caseId, string action, object body)
    {
        var tasks = await session.Context.APIRequest.GetAsync($"/api/cases/{caseId}/tasks");
        Assert.True(tasks.Ok, $"tasks of {caseId}: {tasks.Status} {await tasks.TextAsync()}");
        var task = Assert.Single(JsonDocument.Parse(await tasks.TextAsync()).RootElement.EnumerateArray());
        await ApiAsync(session, $"/api/cases/{caseId}/tasks/{task.GetProperty("id").GetString()}/{action}", body);
    }

    private static async Task<JsonElement> ApiAsync(PortalSession session, string path, object body)
    {
        var response = await session.Context.APIRequest.PostAsync(path, new APIRequestContextOptions { DataObject = body });
        var text = await response.TextAsync();
        Assert.True(response.Ok, $"POST {path}: {response.Status} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
