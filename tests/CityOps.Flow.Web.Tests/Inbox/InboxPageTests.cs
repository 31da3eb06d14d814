using System.Net;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Tests.Cases;
using CityOps.Flow.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Web.Tests.Inbox;

/// <summary>The inbox pages of the real host, used by a department's handlers the way a browser uses them.</summary>
public sealed class InboxPageTests : IAsyncLifetime
{
    private const string Password = "Handler#2026x";

    // A one-pixel PNG: the smallest photo the attachment check accepts.
    private static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly PortalHost host = new(settings: new Dictionary<string, string?> { ["Workflows:PollInterval"] = "00:00:30" });
    private string caseId = null!;
    private string caseNumber = null!;

    public async Task InitializeAsync()
    {
        var operatorApi = await CaseApiClient.SignInAsync(host, "operator", "Operator#2026");
        var answer = await operatorApi.FileAsync(CaseApiClient.LampReport("app-inbox-page", 31.052, 121.579), HttpStatusCode.Created);
        caseId = answer.GetProperty("caseId").GetString()!;
        caseNumber = answer.GetProperty("case").GetProperty("number").GetString()!;
        var lead = answer.GetProperty("case").GetProperty("leadDepartmentId").GetString()!;
        await CreateUserAsync("lamp-handler", "路灯班组长", lead);
        await CreateUserAsync("lamp-colleague", "路灯班组员", lead);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_handler_finds_the_new_case_task_in_the_inbox_the_poll_and_the_navigation_count()
    {
        var handler = await InboxSession.SignInAsync(host, "lamp-handler", Password);

        var inbox = await handler.PageAsync("/inbox");

        var row = Assert.Single(inbox.QuerySelectorAll("#inbox-rows [data-task]"));
        Assert.Equal(caseNumber, row.GetAttribute("data-case-number"));
        Assert.Equal("HandleCase", row.GetAttribute("data-element"));
        Assert.Equal("OnTime", row.QuerySelector("[data-due-state]")!.GetAttribute("data-due-state"));
        Assert.Contains("路灯不亮", row.QuerySelector("[data-role=description]")!.TextContent);
        Assert.Equal("待签收", row.QuerySelector("[data-role=holder]")!.TextContent.Trim());
        Assert.Equal("/inbox/count", inbox.QuerySelector("[data-nav-count=Inbox]")!.GetAttribute("hx-get"));
        Assert.Equal("1", await handler.Http.GetStringAsync("/inbox/count"));
        var polled = PortalClient.Parse(await handler.Http.GetStringAsync("/inbox/rows"));
        Assert.Equal(caseNumber, Assert.Single(polled.QuerySelectorAll("[data-task]")).GetAttribute("data-case-number"));
        var sidebarCount = polled.QuerySelector("[hx-swap-oob]")!;
        Assert.Equal("innerHTML:#nav-count-Inbox", sidebarCount.GetAttribute("hx-swap-oob"));
        Assert.Equal("1", sidebarCount.TextContent);
        Assert.Null(inbox.QuerySelector("#inbox-rows ~ [hx-swap-oob]"));
        Assert.Equal("待办 1 项", inbox.QuerySelector("[data-role=inbox-count]")!.TextContent.Trim());

        var overdue = await handler.PageAsync("/inbox?due=Overdue");

        Assert.Equal("没有符合筛选条件的任务。", overdue.QuerySelector("[data-role=inbox-empty]")!.TextContent.Trim());
        Assert.Equal("/inbox/rows?due=Overdue", overdue.QuerySelector("#inbox-rows")!.GetAttribute("hx-get"));
        Assert.Contains("(1)", overdue.QuerySelector("#filter-due option[value=OnTime]")!.TextContent);
        Assert.Equal("", await (await InboxSession.SignInAsync(host, "dispatcher", "Dispatcher#2026")).Http.GetStringAsync("/inbox/count"));
    }

    [Fact]
    public async Task A_claimed_task_shows_as_held_to_the_colleague_and_release_gives_it_back()
    {
        var handler = await InboxSession.SignInAsync(host, "lamp-handler", Password);
        var colleague = await InboxSession.SignInAsync(host, "lamp-colleague", Password);
        var colleaguesStalePage = await colleague.PageAsync("/inbox");

        var claimed = await handler.SubmitAsync("/inbox", await handler.PageAsync("/inbox"), "form[action$='/claim']", []);

        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        Assert.Equal("/inbox", PortalClient.PathOf(claimed.Headers.Location!));
        var mine = await handler.PageAsync("/inbox?mine=true");
        Assert.Equal("我已签收", Assert.Single(mine.QuerySelectorAll("[data-task]")).QuerySelector("[data-role=holder]")!.TextContent.Trim());
        var theirs = Assert.Single((await colleague.PageAsync("/inbox")).QuerySelectorAll("[data-task]"));
        Assert.Equal("路灯班组长 已签收", theirs.QuerySelector("[data-role=holder]")!.TextContent.Trim());
        Assert.Null(theirs.QuerySelector("form"));
        Assert.Empty((await colleague.PageAsync("/inbox?mine=true")).QuerySelectorAll("[data-task]"));
        var tooLate = await colleague.SubmitAsync("/inbox", colleaguesStalePage, "form[action$='/claim']", []);
        Assert.Equal("/inbox?refused=claim", PortalClient.PathOf(tooLate.Headers.Location!));
        Assert.Equal("未能签收：任务已被他人签收或已办结。", (await colleague.PageAsync("/inbox?refused=claim")).QuerySelector("[data-role=refused]")!.TextContent.Trim());

        var released = await handler.SubmitAsync("/inbox", await handler.PageAsync("/inbox"), "form[action$='/unclaim']", []);

        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.NotNull(Assert.Single((await colleague.PageAsync("/inbox")).QuerySelectorAll("[data-task]")).QuerySelector("[data-role=claim]"));
    }

    [Fact]
    public async Task A_task_form_that_fails_validation_keeps_what_was_typed_and_a_valid_one_acts_and_returns_to_the_inbox()
    {
        var handler = await InboxSession.SignInAsync(host, "lamp-handler", Password);
        var taskId = Assert.Single((await handler.PageAsync("/inbox")).QuerySelectorAll("[data-task]")).GetAttribute("data-task");
        var path = $"/inbox/{taskId}";
        var page = await handler.PageAsync(path);
        Assert.Equal(caseNumber, page.QuerySelector("[data-role=case-number]")!.TextContent.Trim());
        Assert.Equal("浦江路 100 号", page.QuerySelector("[data-role=case-address]")!.TextContent.Trim());
        Assert.Contains("Dispatched", page.QuerySelectorAll("[data-role=case-history] [data-event]").Select(e => e.GetAttribute("data-event")));
        // Before acceptance the handler may accept or return it; completing comes after acceptance.
        Assert.Equal(["accept", "return"], page.QuerySelectorAll("[data-action-form]").Select(f => f.GetAttribute("data-action-form")));

        var accepted = await handler.SubmitAsync(path, page, "[data-action-form=accept]", []);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal($"/inbox?done={caseNumber}&action=accept", PortalClient.PathOf(accepted.Headers.Location!));
        page = await handler.PageAsync(path);
        Assert.Equal(["return", "assistance", "extension", "complete"], page.QuerySelectorAll("[data-action-form]").Select(f => f.GetAttribute("data-action-form")));

        var refused = await handler.SubmitAsync(path, page, "[data-action-form=extension]", [("reason", "需要采购新灯具")]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = PortalClient.Parse(await refused.Content.ReadAsStringAsync());
        var extension = again.QuerySelector("[data-action-form=extension]")!;
        Assert.Equal("需要采购新灯具", extension.QuerySelector("textarea[name=reason]")!.TextContent);
        Assert.Equal("请选择延长的时限。", extension.QuerySelector("[data-problem=limit]")!.TextContent.Trim());
        Assert.Equal("Handling", (await handler.JsonAsync($"/api/cases/{caseId}")).GetProperty("status").GetString());

        var completed = await handler.SubmitAsync(path, page, "[data-action-form=complete]", [("result", "更换灯泡，路灯恢复照明")], [("photos", "after.png", Photo)]);

        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.Equal("AwaitingReview", (await handler.JsonAsync($"/api/cases/{caseId}")).GetProperty("status").GetString());
        var photo = Assert.Single((await handler.JsonAsync($"/api/cases/{caseId}/attachments")).EnumerateArray());
        Assert.Equal(taskId, photo.GetProperty("taskId").GetString());
        var done = await handler.PageAsync($"/inbox?done={caseNumber}&action=complete");
        Assert.Equal($"工单 {caseNumber} 已办理：办结。", done.QuerySelector("[data-role=done]")!.TextContent.Trim());
        Assert.Empty(done.QuerySelectorAll("[data-task]"));
        var finished = await handler.Http.GetAsync(path);
        Assert.NotNull(PortalClient.Parse(await finished.Content.ReadAsStringAsync()).QuerySelector("[data-role=task-not-found]"));
    }

    [Fact]
    public async Task A_photo_that_is_not_an_image_is_refused_before_the_task_is_completed()
    {
        var handler = await InboxSession.SignInAsync(host, "lamp-handler", Password);
        var taskId = Assert.Single((await handler.PageAsync("/inbox")).QuerySelectorAll("[data-task]")).GetAttribute("data-task");
        var path = $"/inbox/{taskId}";
        await handler.SubmitAsync(path, await handler.PageAsync(path), "[data-action-form=accept]", []);

        var refused = await handler.SubmitAsync(path, await handler.PageAsync(path), "[data-action-form=complete]",
            [("result", "已修复")], [("photos", "notes.png", "not a picture"u8.ToArray())]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = PortalClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.StartsWith("请重新选择照片", page.QuerySelector("[data-action-form=complete] [data-problem=photos]")!.TextContent.Trim());
        Assert.Equal("已修复", page.QuerySelector("[data-action-form=complete] textarea[name=result]")!.TextContent);
        Assert.Equal("Handling", (await handler.JsonAsync($"/api/cases/{caseId}")).GetProperty("status").GetString());
    }

    private async Task CreateUserAsync(string userName, string displayName, string departmentId)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CityUser>>();
        var user = new CityUser { UserName = userName, DisplayName = displayName, AreaId = "310199001", DepartmentId = departmentId };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, CityRoles.Handler)).Succeeded);
    }
}
