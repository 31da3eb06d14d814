using System.Text.Json;
using System.Text.RegularExpressions;
using CityOps.Flow.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CityOps.Flow.Browser;

/// <summary>
/// The closed loop through the portal, each role in its own browser: a hotline operator files a report at the intake desk, the
/// dispatcher files the case to a department, its handler accepts it and asks the power company to assist, the power
/// company does its part, the lead finalises with a photo, the dispatcher accepts the result, the operator records
/// the citizen's callback, and the case is closed. Every page visited is saved at desktop and phone width.
/// </summary>
public sealed class CaseJourneyTests : PortalBrowserTest
{
    private const string LeadDepartment = "310199001-law";
    private const string AssistingDepartment = "dept-power";

    // A one-pixel PNG: the smallest photo the attachment check accepts.
    private static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_reported_lamp_goes_from_the_hotline_through_dispatch_joint_handling_review_and_callback_to_closed()
    {
        await CreateHandlerAsync("power-handler", "电力抢修员", AssistingDepartment);
        await using var operatorDesk = await SignInAsync("operator", "Operator#2026");
        await using var dispatcher = await SignInAsync("dispatcher", "Dispatcher#2026");
        await using var handler = await SignInAsync("handler", "Handler#2026");
        await using var power = await SignInAsync("power-handler", "Power#2026x");

        // 1. The hotline operator takes the call at the intake desk. A whole row of lamps is out: critical, so it waits for a dispatcher.
        var (caseId, number) = await FileAtIntakeDeskAsync(operatorDesk.Page);

        // 2. The dispatcher files it to the street's urban management squad.
        var filing = await OpenTaskAsync(dispatcher.Page, number, "FileCase", "journey-02-dispatcher-inbox");
        await PageWidths.SaveBothAsync(filing, "journey-03-dispatcher-file-case");
        await filing.ClickAsync("[data-role=submit-file]");
        await Expect(filing.Locator("[data-action-form=file] [data-problem=department]")).ToHaveTextAsync("请选择主办部门。");
        await PageWidths.SaveBothAsync(filing, "journey-04-dispatcher-file-case-missing-department");
        await filing.SelectOptionAsync("#file-department", LeadDepartment);
        await SubmitAsync(filing, "file", number);
        await PageWidths.SaveBothAsync(filing, "journey-05-dispatcher-filed");

        // The power company's inbox is open and empty before anyone asks it to help.
        await power.Page.GotoAsync("/inbox");
        await Expect(power.Page.Locator("[data-role=inbox-empty]")).ToBeVisibleAsync();
        await PageWidths.SaveBothAsync(power.Page, "journey-06-assisting-inbox-empty");

        // 3. The lead department's handler accepts, then asks the power company to assist.
        await handler.Page.GotoAsync("/");
        await Expect(handler.Page.Locator("[data-nav-count=Inbox]")).ToHaveTextAsync("1");
        await PageWidths.SaveBothAsync(handler.Page, "journey-07-handler-home-with-count");
        var handling = await OpenTaskAsync(handler.Page, number, "HandleCase", "journey-08-handler-inbox");
        await PageWidths.SaveBothAsync(handling, "journey-09-handler-task");
        await SubmitAsync(handling, "accept", number);
        handling = await OpenTaskAsync(handler.Page, number, "HandleCase", "journey-10-handler-inbox-accepted");
        await handling.SelectOptionAsync("#assistance-departments", [AssistingDepartment]);
        await PageWidths.SaveBothAsync(handling, "journey-11-handler-request-assistance");
        await SubmitAsync(handling, "assistance", number);

        // 4. The assisting task appears in the power company's open inbox without a reload, and it does its part.
        var assistRow = power.Page.Locator($"#inbox-rows [data-case-number='{number}'][data-element=AssistCase]");
        await Expect(assistRow).ToBeVisibleAsync(new() { Timeout = 45_000 });
        await Expect(power.Page.Locator("[data-nav-count=Inbox]")).ToHaveTextAsync("1");
        await PageWidths.SaveBothAsync(power.Page, "journey-12-assisting-inbox-new-task");
        await assistRow.Locator("[data-role=open]").ClickAsync();
        await power.Page.FillAsync("#assisted-result", "已协助更换路灯供电电缆");
        await PageWidths.SaveBothAsync(power.Page, "journey-13-assisting-task");
        await SubmitAsync(power.Page, "assisted", number);

        // 5. The lead finalises: a result without text is refused and keeps the photo field; then with text and a photo.
        var finalising = await OpenTaskAsync(handler.Page, number, "FinaliseCase", "journey-14-handler-inbox-finalise");
        await finalising.ClickAsync("[data-role=submit-complete]");
        await Expect(finalising.Locator("[data-action-form=complete] [data-problem=result]")).ToHaveTextAsync("请填写处置结果。");
        await finalising.FillAsync("#complete-result", "联合供电公司更换电缆和灯泡，路灯恢复照明");
        await finalising.SetInputFilesAsync("#complete-photos", new FilePayload { Name = "after.png", MimeType = "image/png", Buffer = Photo });
        await PageWidths.SaveBothAsync(finalising, "journey-15-handler-finalise");
        await SubmitAsync(finalising, "complete", number);

        // 6. The dispatcher reviews the result, seeing the photo with it.
        var review = await OpenTaskAsync(dispatcher.Page, number, "ReviewResult", "journey-16-dispatcher-inbox-review");
        await Expect(review.Locator("[data-role=case-photos] img")).ToHaveCountAsync(1);
        await review.CheckAsync("#review-outcome-accept");
        await PageWidths.SaveBothAsync(review, "journey-17-dispatcher-review");
        await SubmitAsync(review, "review", number);

        // 7. The operator records the citizen's callback, which closes the case.
        var callback = await OpenTaskAsync(operatorDesk.Page, number, "CallBack", "journey-18-operator-inbox-callback");
        await callback.CheckAsync("#callback-outcome-satisfied");
        await PageWidths.SaveBothAsync(callback, "journey-19-operator-callback");
        await SubmitAsync(callback, "callback", number);
        await PageWidths.SaveBothAsync(callback, "journey-20-operator-done");

        var closed = await operatorDesk.Page.APIRequest.GetAsync($"/api/cases/{caseId}");
        Assert.True(closed.Ok, await closed.TextAsync());
        using var record = JsonDocument.Parse(await closed.TextAsync());
        Assert.Equal("Closed", record.RootElement.GetProperty("status").GetString(), ignoreCase: true);
        foreach (var session in new[] { operatorDesk, dispatcher, handler, power })
        {
            Assert.True(session.ScriptErrors.Count == 0, string.Join(Environment.NewLine, session.ScriptErrors));
        }
    }

    [Fact]
    public async Task The_dispatcher_reads_the_inbox_and_the_task_page_in_english()
    {
        await using var operatorDesk = await SignInAsync("operator", "Operator#2026");
        var (_, number) = await FileReportAsync(operatorDesk.Page);
        await using var dispatcher = await SignInAsync("dispatcher", "Dispatcher#2026");
        await dispatcher.Page.ClickAsync("button[name=culture][value=en]");
        await Expect(dispatcher.Page.Locator("[data-role=welcome]")).ToContainTextAsync("Hello");

        var filing = await OpenTaskAsync(dispatcher.Page, number, "FileCase", "inbox-dispatcher-en");

        await Expect(filing.Locator("[data-role=case-summary] .card-title")).ToHaveTextAsync("Case");
        await Expect(filing.Locator("[data-action-card=file] .card-title")).ToHaveTextAsync("File and dispatch");
        await Expect(filing.Locator("[data-due-state]")).ToHaveTextAsync("No limit");
        await filing.ClickAsync("[data-role=submit-file]");
        await Expect(filing.Locator("[data-action-form=file] [data-problem=department]")).ToHaveTextAsync("Choose the lead department.");
        await PageWidths.SaveBothAsync(filing, "task-file-case-en");
        Assert.True(dispatcher.ScriptErrors.Count == 0, string.Join(Environment.NewLine, dispatcher.ScriptErrors));
    }

    private async Task<PortalSession> SignInAsync(string userName, string password)
    {
        var session = await PortalSession.OpenAsync(Browser, Server.BaseUrl);
        await session.Page.SetViewportSizeAsync(PageWidths.Desktop.Width, PageWidths.Desktop.Height);
        await session.SignInAsync(userName, password);
        await Expect(session.Page.Locator("[data-role=welcome]")).ToBeVisibleAsync();
        return session;
    }

    /// <summary>
    /// Types the caller's report into the intake form as an operator does: category, request kind, severity, the
    /// address (placed in Pujiang Street while typing), caller and description; returns the case the desk opened.
    /// </summary>
    private static async Task<(string CaseId, string Number)> FileAtIntakeDeskAsync(IPage page)
    {
        await page.GotoAsync("/intake");
        await page.FillAsync("#intake-category", "0109 路灯");
        await page.SelectOptionAsync("#intake-request-kind", "report");
        await Expect(page.Locator("#intake-severity")).ToHaveValueAsync("normal");
        await page.SelectOptionAsync("#intake-severity", "critical");
        await page.Locator("#intake-address").PressSequentiallyAsync("浦江路550号", new LocatorPressSequentiallyOptions { Delay = 30 });
        await Expect(page.Locator("[data-role=street]")).ToHaveTextAsync("浦江街道");
        await page.FillAsync("#intake-caller-name", "张三丰");
        await page.FillAsync("#intake-caller-phone", "138 1234 5678");
        await page.FillAsync("#intake-description", "浦江路550号门口路灯整排不亮，晚上行人看不清路");
        await PageWidths.SaveBothAsync(page, "journey-01-operator-intake");
        await page.ClickAsync("[data-role=file-case]");

        await Expect(page.Locator("[data-role=filed-message]")).ToContainTextAsync("已立案");
        var number = Regex.Match(await page.Locator("[data-role=filed-message]").TextContentAsync() ?? "", @"PJ-\d{8}-\d{6}").Value;
        var link = await page.Locator("[data-role=filed-link]").GetAttributeAsync("href");
        Assert.StartsWith("/cases/", link);
        await PageWidths.SaveBothAsync(page, "journey-01-operator-filed");
        return (link!["/cases/".Length..], number);
    }

    /// <summary>Files a critical street-lamp report in Pujiang Street through the intake API: critical reports wait for a dispatcher.</summary>
    private static async Task<(string CaseId, string Number)> FileReportAsync(IPage page)
    {
        var response = await page.APIRequest.PostAsync("/api/intake/reports", new APIRequestContextOptions
        {
            DataObject = new Dictionary<string, object?>
            {
                ["channel"] = "hotline",
                ["sourceId"] = "12345-journey-0001",
                ["categoryCode"] = "0109",
                ["requestKind"] = "report",
                ["severity"] = "critical",
                ["description"] = "浦江路100号门口路灯整排不亮，晚上行人看不清路",
                ["location"] = new { point = new { latitude = 31.052, longitude = 121.579 }, address = "浦江路 100 号" },
                ["reporter"] = new { name = "张三丰", phone = "138 1234 5678" },
                ["occurredAt"] = DateTimeOffset.UtcNow.AddMinutes(-30),
                ["details"] = new { kind = "hotline", callId = "CALL-20261121-0001", operatorId = "operator" },
            },
        });
        var text = await response.TextAsync();
        Assert.True(response.Status == 201, $"intake answered {response.Status}: {text}");
        using var answer = JsonDocument.Parse(text);
        return (answer.RootElement.GetProperty("caseId").GetString()!, answer.RootElement.GetProperty("case").GetProperty("number").GetString()!);
    }

    /// <summary>Opens the inbox, saves it, and opens the case's task of that kind from its row.</summary>
    private static async Task<IPage> OpenTaskAsync(IPage page, string number, string element, string screenshot)
    {
        await page.GotoAsync("/inbox");
        var row = page.Locator($"#inbox-rows [data-case-number='{number}'][data-element={element}]");
        await Expect(row).ToBeVisibleAsync();
        await PageWidths.SaveBothAsync(page, screenshot);
        await row.Locator("[data-role=open]").ClickAsync();
        await Expect(page.Locator("[data-role=case-number]")).ToHaveTextAsync(number);
        return page;
    }

    /// <summary>Submits an action form and expects the inbox to say it was done.</summary>
    private static async Task SubmitAsync(IPage page, string action, string number)
    {
        await page.ClickAsync($"[data-role=submit-{action}]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/inbox\\?done={number}&action={action}$"));
        await Expect(page.Locator("[data-role=done]")).ToContainTextAsync(number);
    }

    private async Task CreateHandlerAsync(string userName, string displayName, string departmentId)
    {
        using var scope = Server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CityUser>>();
        var user = new CityUser { UserName = userName, DisplayName = displayName, AreaId = "310199", DepartmentId = departmentId };
        Assert.True((await users.CreateAsync(user, "Power#2026x")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, CityRoles.Handler)).Succeeded);
    }
}
