using System.Text.Json;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CityOps.Flow.Browser.Supervision;

/// <summary>A supervisor issues a supervision notice (督办) on a case that ran past its limit on the host's test clock.</summary>
public sealed class SupervisionJourneyTests : IAsyncLifetime
{
    // Monday 09:00 China time; a street lamp (P2D) filed then falls due on Wednesday at 17:30.
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.FromHours(8));

    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private ClockedPortalServer server = null!;

    public async Task InitializeAsync()
    {
        (playwright, browser) = await Chromium.LaunchAsync();
        server = new ClockedPortalServer(Monday);
    }

    public async Task DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_supervisor_issues_a_notice_on_an_overdue_case_and_the_case_shows_it()
    {
        var (caseId, number) = await FileLampAsOperatorAsync();
        // Thursday 10:00: one working hour past the due time.
        server.Services.GetRequiredService<AdjustableClock>().SetUtcNow(Monday.AddDays(3).AddHours(1));
        // The lifecycle's own timers come due with the move: its overdue escalation goes out before anyone looks.
        server.Services.GetRequiredService<WorkflowEngine>().FireDueJobs();

        await using var session = await PortalSession.OpenAsync(browser, server.BaseUrl);
        await session.Page.SetViewportSizeAsync(1366, 768);
        await session.SignInAsync("supervisor", "Supervisor#2026");
        await session.Page.ClickAsync("[data-nav=Supervision]");
        var row = session.Page.Locator($"tr[data-case='{number}']");
        await Expect(row.Locator("[data-due-state=Overdue]")).ToHaveTextAsync("超期");
        await Expect(row.Locator("[data-role=time-left]")).ToHaveTextAsync("超时 1 小时 0 分");
        await Expect(session.Page.Locator("[data-count=overdue] .h1")).ToHaveTextAsync("1");
        await Screenshots.SaveAsync(session.Page, "supervision-board-desktop");

        await row.Locator("[data-role=supervise]").ClickAsync();
        await Expect(session.Page.Locator("#notice-case")).ToHaveValueAsync(number);
        await session.Page.ClickAsync("[data-role=issue-notice]");
        await Expect(session.Page.Locator("[data-error=Message]")).ToHaveTextAsync("请填写督办要求。");
        await Expect(session.Page.Locator("#notice-case")).ToHaveValueAsync(number);
        await session.Page.FillAsync("#notice-message", "请今天修复路灯，17:00 前反馈结果。");
        await session.Page.ClickAsync("[data-role=issue-notice]");

        await Expect(session.Page.Locator("[data-role=flash]")).ToContainTextAsync(number);
        var mine = session.Page.Locator("[data-role=escalations] [data-notice]", new() { HasText = "请今天修复路灯" });
        await Expect(mine).ToContainTextAsync("陈静");
        await Expect(session.Page.Locator("[data-role=escalations] [data-notice]", new() { HasText = "系统" })).ToHaveCountAsync(1);
        await Expect(session.Page.Locator($"tr[data-case='{number}'] [data-role=notice-count]")).ToHaveTextAsync("已督办 2 次");
        await Screenshots.SaveAsync(session.Page, "supervision-notice-issued-desktop");

        // The case carries the notice: its supervision notices and its history, as the lead department reads them.
        var notices = await session.Page.APIRequest.GetAsync($"/api/cases/{caseId}/supervision-notices");
        Assert.True(notices.Ok, await notices.TextAsync());
        var notice = Assert.Single(JsonDocument.Parse(await notices.TextAsync()).RootElement.EnumerateArray(), n => n.GetProperty("issuedBy").GetString() != "system");
        Assert.Equal("请今天修复路灯，17:00 前反馈结果。", notice.GetProperty("message").GetString());
        Assert.Equal("Overdue", notice.GetProperty("tier").GetString());

        await session.Page.SetViewportSizeAsync(390, 844);
        await session.Page.ReloadAsync();
        await Expect(session.Page.Locator($"tr[data-case='{number}'] [data-due-state=Overdue]")).ToBeVisibleAsync();
        Assert.True(await session.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"),
            "the board fits the phone's width (wide tables scroll inside their cards)");
        await Screenshots.SaveAsync(session.Page, "supervision-board-phone");
        Assert.True(session.ScriptErrors.Count == 0, string.Join(Environment.NewLine, session.ScriptErrors));
    }

    /// <summary>The hotline operator files a street-lamp report in Jiangyue Community through the intake API.</summary>
    private async Task<(string CaseId, string Number)> FileLampAsOperatorAsync()
    {
        await using var operatorSession = await PortalSession.OpenAsync(browser, server.BaseUrl);
        await operatorSession.SignInAsync("operator", "Operator#2026");
        var response = await operatorSession.Page.APIRequest.PostAsync("/api/intake/reports", new APIRequestContextOptions
        {
            DataObject = new
            {
                channel = "app",
                sourceId = "app-20261116-0001",
                categoryCode = "0109",
                description = "路灯不亮，晚上很黑",
                location = new { point = new { latitude = 31.052, longitude = 121.579 }, address = "浦江路 100 号" },
                reporter = new { name = "张三丰", phone = "138 1234 5678" },
                occurredAt = Monday.AddMinutes(-10),
            },
        });
        Assert.True(response.Status == 201, await response.TextAsync());
        var answer = JsonDocument.Parse(await response.TextAsync()).RootElement;
        return (answer.GetProperty("caseId").GetString()!, answer.GetProperty("caseNumber").GetString()!);
    }
}
