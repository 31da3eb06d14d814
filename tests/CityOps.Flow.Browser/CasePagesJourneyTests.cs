using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CityOps.Flow.Browser;

public sealed class CasePagesJourneyTests : PortalBrowserTest
{
    [Fact]
    public async Task An_operator_searches_opens_a_case_and_sees_where_it_stands_on_its_diagram()
    {
        await using var session = await PortalSession.OpenAsync(Browser, Server.BaseUrl);
        await session.Page.SetViewportSizeAsync(1366, 768);
        await session.SignInAsync("operator", "Operator#2026");
        var number = await FileAsync(session, "browser-lamp", "路灯不亮，晚上很黑", 31.052, 121.579);
        await FileAsync(session, "browser-pole", "灯杆倾斜有危险", 31.062, 121.579);

        await session.Page.GotoAsync("/cases");
        await session.Page.FillAsync("#filter-keyword", "路灯");
        await session.Page.SelectOptionAsync("#filter-street", "310199001");
        await session.Page.ClickAsync("[data-role=search-submit]");

        await Expect(session.Page).ToHaveURLAsync(new Regex(@"/cases\?street=310199001&.*q=%E8%B7%AF%E7%81%AF"));
        var rows = session.Page.Locator("[data-role=case-results] tr[data-case]");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(session.Page.Locator("#filter-keyword")).ToHaveValueAsync("路灯");
        await Screenshots.SaveAsync(session.Page, "cases-search-desktop");

        await rows.Locator("[data-role=case-link]").ClickAsync();
        await Expect(session.Page.Locator("[data-role=case-number]")).ToHaveTextAsync(number);
        var diagram = session.Page.Locator("[data-case-diagram]");
        await Expect(diagram).ToHaveAttributeAsync("data-case-diagram-state", "shown");
        var active = (await diagram.GetAttributeAsync("data-active"))!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(active);
        // bpmn-js draws the case's current task with the marker class, and the start event it passed shaded.
        await Expect(diagram.Locator($"svg g.djs-element.case-diagram-active[data-element-id='{active[0]}']")).ToHaveCountAsync(1);
        await Expect(diagram.Locator("svg g.djs-element.case-diagram-completed[data-element-id='CaseFiled']")).ToHaveCountAsync(1);
        await Expect(session.Page.Locator("[data-role=timeline] > li").First).ToHaveAttributeAsync("data-step", "Step.Reported");
        await Screenshots.SaveAsync(session.Page, "case-detail-desktop");

        await session.Page.ClickAsync("[data-role=reveal-reporter]");
        await Expect(session.Page.Locator("#case-reporter")).ToHaveTextAsync("张三丰 13812345678");

        await session.Page.SetViewportSizeAsync(390, 844);
        await session.Page.ReloadAsync();
        await Expect(diagram).ToHaveAttributeAsync("data-case-diagram-state", "shown");
        await Expect(diagram.Locator($"svg g.djs-element.case-diagram-active[data-element-id='{active[0]}']")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(session.Page, "case-detail-phone");
        await session.Page.GotoAsync("/cases?street=310199001&q=%E8%B7%AF%E7%81%AF");
        await Expect(rows).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(session.Page, "cases-search-phone");

        Assert.True(session.ScriptErrors.Count == 0, string.Join(Environment.NewLine, session.ScriptErrors));
    }

    /// <summary>Files a citizen-app report through the intake API with the signed-in browser's cookie; returns the case number.</summary>
    private static async Task<string> FileAsync(PortalSession session, string sourceId, string description, double latitude, double longitude)
    {
        var response = await session.Context.APIRequest.PostAsync("/api/intake/reports", new APIRequestContextOptions
        {
            DataObject = new
            {
                channel = "app",
                sourceId,
                categoryCode = "0109",
                description,
                location = new { point = new { latitude, longitude }, address = "浦江路 100 号" },
                reporter = new { name = "张三丰", phone = "138 1234 5678" },
            },
        });
        Assert.True(response.Status == 201, $"intake answered {response.Status}: {await response.TextAsync()}");
        var answer = await response.JsonAsync();
        return answer!.Value.GetProperty("caseNumber").GetString()!;
    }
}
