using System.Net;
using AngleSharp.Html.Dom;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Tests.Hosting;
using static CityOps.Flow.Web.Tests.Supervision.SupervisedDistrict;

namespace CityOps.Flow.Web.Tests.Supervision;

/// <summary>The /supervision page through the real host: plain form posts, as a browser without JavaScript sends them.</summary>
public sealed class SupervisionPageTests : IAsyncLifetime
{
    private readonly SupervisedDistrict district = OnSqlite();
    private FiledCase inA = null!;
    private FiledCase inB = null!;

    public async Task InitializeAsync()
    {
        var operatorApi = await district.SignInAsync("operator", "Operator#2026");
        inA = await district.FileLampAsync(operatorApi, "page-a", StreetA);
        inB = await district.FileLampAsync(operatorApi, "page-b", StreetB);
    }

    public async Task DisposeAsync() => await district.DisposeAsync();

    [Fact]
    public async Task The_board_lists_overdue_cases_by_street_and_drills_down_to_one()
    {
        var supervisor = await district.BrowseAsync("supervisor", "Supervisor#2026");
        await district.MoveToAsync(Monday.AddDays(3).AddHours(1));

        var page = await supervisor.GetPageAsync("/supervision");

        Assert.Equal("2", page.QuerySelector("[data-count=overdue] .h1")!.TextContent.Trim());
        Assert.Equal(2, page.QuerySelectorAll("[data-role=watched-cases] tbody tr").Length);
        var streetB = page.QuerySelector($"[data-role=by-street] tr[data-group='{StreetBId}']")!;
        Assert.Equal("1", streetB.QuerySelector("[data-role=overdue]")!.TextContent);
        var drill = streetB.QuerySelector("a")!.GetAttribute("href")!;

        var onlyB = await supervisor.GetPageAsync(drill);

        var row = Assert.Single(onlyB.QuerySelectorAll("[data-role=watched-cases] tbody tr"));
        Assert.Equal(inB.Number, row.GetAttribute("data-case"));
        Assert.Equal("Overdue", row.QuerySelector("[data-due-state]")!.GetAttribute("data-due-state"));
        Assert.Equal("超时 1 小时 0 分", row.QuerySelector("[data-role=time-left]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_notice_posted_from_the_form_reaches_the_case_and_a_missing_message_keeps_what_was_typed()
    {
        var supervisor = await district.BrowseAsync("supervisor", "Supervisor#2026");
        await district.MoveToAsync(Monday.AddDays(3).AddHours(1));
        var page = await supervisor.GetPageAsync($"/supervision?case={inA.Number}");
        Assert.Equal(inA.Number, page.QuerySelector("#notice-case")!.GetAttribute("value"));

        var refused = await PostNoticeAsync(supervisor, page, inA.Number, "");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = PortalClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("请填写督办要求。", again.QuerySelector("[data-error=Message]")!.TextContent);
        Assert.Equal(inA.Number, again.QuerySelector("#notice-case")!.GetAttribute("value"));

        var issued = await PostNoticeAsync(supervisor, again, inA.Number, "请今天下班前修复");

        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var after = await supervisor.GetPageAsync(PortalClient.PathOf(issued.Headers.Location!));
        Assert.Contains(inA.Number, after.QuerySelector("[data-role=flash]")!.TextContent);
        var notice = Assert.Single(after.QuerySelectorAll("[data-role=escalations] [data-notice]"));
        Assert.Contains("请今天下班前修复", notice.TextContent);
        Assert.Equal("已督办 1 次", after.QuerySelector($"tr[data-case='{inA.Number}'] [data-role=notice-count]")!.TextContent);
    }

    [Fact]
    public async Task A_street_A_supervisor_cannot_supervise_a_street_B_case_by_its_number()
    {
        await district.CreateUserAsync("street-a-supervisor", CityRoles.Supervisor, StreetAId);
        var streetA = await district.BrowseAsync("street-a-supervisor");
        var page = await streetA.GetPageAsync("/supervision");

        var refused = await PostNoticeAsync(streetA, page, inB.Number, "越权督办");

        var again = PortalClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal($"找不到您权限范围内的工单 {inB.Number}。", again.QuerySelector("[data-error=CaseNumber]")!.TextContent);
        Assert.Equal("越权督办", again.QuerySelector("#notice-message")!.TextContent);
    }

    [Fact]
    public async Task A_dispatcher_reads_the_board_without_forms_and_an_operator_is_told_it_is_not_for_them()
    {
        var dispatcher = await district.BrowseAsync("dispatcher", "Dispatcher#2026");
        var page = await dispatcher.GetPageAsync("/supervision");
        Assert.NotNull(page.QuerySelector("[data-role=read-only]"));
        Assert.Null(page.QuerySelector("[data-role=notice-form]"));

        var operatorSession = await district.BrowseAsync("operator", "Operator#2026");
        var refused = await operatorSession.GetPageAsync("/supervision");
        Assert.NotNull(refused.QuerySelector("[data-role=not-for-role]"));
        Assert.Null(refused.QuerySelector("#supervision-board"));
        Assert.DoesNotContain(inA.Number, refused.Body!.TextContent);
    }

    private static async Task<HttpResponseMessage> PostNoticeAsync(PortalClient client, IHtmlDocument page, string caseNumber, string message)
    {
        var form = page.QuerySelector("form[data-role=notice-form]")!;
        return await client.Http.PostAsync(form.GetAttribute("action") ?? "/supervision", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = form.QuerySelector("input[name=_handler]")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Notice.CaseNumber"] = caseNumber,
            ["Notice.Message"] = message,
        }));
    }
}
