using System.Net;
using System.Text;
using CityOps.Flow.Cases.Audit;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Tests.Attachments;
using CityOps.Flow.Web.Tests.Cases;
using CityOps.Flow.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Web.Tests.CasePages;

/// <summary>The case search page, its CSV export and the case page, through the real host on SQLite.</summary>
public sealed class CasePagesTests : IAsyncLifetime
{
    // Jiangyue Community of Pujiang Street (310199001), and a community of Dongming Road Street (310199002).
    private const double StreetALatitude = 31.052;
    private const double StreetALongitude = 121.579;
    private const double StreetBLatitude = 31.0832;
    private const double StreetBLongitude = 121.5668;

    private readonly PortalHost host = new(settings: new Dictionary<string, string?> { ["Workflows:PollInterval"] = "00:00:30" });
    private CaseApiClient operatorApi = null!;

    public async Task InitializeAsync() => operatorApi = await CaseApiClient.SignInAsync(host, "operator", "Operator#2026");

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_search_page_lists_what_the_filter_finds_and_keeps_the_filter_in_the_form_and_links()
    {
        var lamp = await FileAsync("app-lamp", StreetALatitude, StreetALongitude, "路灯不亮，晚上很黑");
        await FileAsync("app-pole", StreetALatitude + 0.01, StreetALongitude, "灯杆倾斜有危险");
        await FileAsync("app-b", StreetBLatitude, StreetBLongitude, "路灯不亮已经三天");
        var client = await SignInAsync("operator", "Operator#2026");

        var page = await client.GetPageAsync("/cases?street=310199001&q=%E8%B7%AF%E7%81%AF");

        var rows = page.QuerySelectorAll("[data-role=case-results] tr[data-case]");
        Assert.Equal([lamp.Id], rows.Select(r => r.GetAttribute("data-case")));
        Assert.Equal(lamp.Number, rows[0].QuerySelector("[data-role=case-link]")!.TextContent.Trim());
        Assert.Equal($"/cases/{lamp.Id}", rows[0].QuerySelector("[data-role=case-link]")!.GetAttribute("href"));
        Assert.Equal("路灯", page.QuerySelector("#filter-keyword")!.GetAttribute("value"));
        Assert.Equal("310199001", page.QuerySelector("#filter-street option[selected]")!.GetAttribute("value"));
        Assert.Equal("/cases/export.csv?street=310199001&q=%E8%B7%AF%E7%81%AF", page.QuerySelector("[data-role=export]")!.GetAttribute("href"));

        var everything = await client.GetPageAsync("/cases");
        Assert.Equal(3, everything.QuerySelectorAll("tr[data-case]").Length);
        Assert.Null(everything.QuerySelector("[data-role=next-page]"));
    }

    [Fact]
    public async Task A_filter_value_the_search_cannot_read_is_marked_at_its_field_and_everything_typed_stays()
    {
        var client = await SignInAsync("operator", "Operator#2026");

        var page = await client.GetPageAsync("/cases?from=2026-13-01&to=2026-11-01&q=%E4%BA%95%E7%9B%96&status=Sleeping");

        Assert.NotNull(page.QuerySelector("[data-role=filter-problems]"));
        Assert.Null(page.QuerySelector("[data-role=case-results]"));
        Assert.Contains("年-月-日", page.QuerySelector("[data-problem=from]")!.TextContent);
        Assert.Contains("is-invalid", page.QuerySelector("#filter-from")!.ClassList);
        Assert.NotNull(page.QuerySelector("[data-problem=status]"));
        Assert.Null(page.QuerySelector("[data-problem=to]"));
        Assert.Equal("2026-13-01", page.QuerySelector("#filter-from")!.GetAttribute("value"));
        Assert.Equal("2026-11-01", page.QuerySelector("#filter-to")!.GetAttribute("value"));
        Assert.Equal("井盖", page.QuerySelector("#filter-keyword")!.GetAttribute("value"));

        var reversed = await client.GetPageAsync("/cases?from=2026-11-20&to=2026-11-01");
        Assert.Contains("早于", reversed.QuerySelector("[data-problem=to]")!.TextContent);
    }

    [Fact]
    public async Task Pages_follow_each_other_by_cursor_with_the_filter_kept()
    {
        for (var i = 0; i < 52; i++)
        {
            await FileAsync($"app-page-{i}", StreetALatitude + i * 0.002, StreetALongitude, $"第{i}号路灯不亮");
        }

        var client = await SignInAsync("operator", "Operator#2026");
        var first = await client.GetPageAsync("/cases?q=%E8%B7%AF%E7%81%AF");
        var next = first.QuerySelector("[data-role=next-page]")!.GetAttribute("href")!;
        Assert.StartsWith("/cases?q=%E8%B7%AF%E7%81%AF&cursor=", next, StringComparison.Ordinal);
        var second = await client.GetPageAsync(next);

        var firstIds = first.QuerySelectorAll("tr[data-case]").Select(r => r.GetAttribute("data-case")).ToList();
        var secondIds = second.QuerySelectorAll("tr[data-case]").Select(r => r.GetAttribute("data-case")).ToList();
        Assert.Equal(50, firstIds.Count);
        Assert.Equal(2, secondIds.Count);
        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.Null(second.QuerySelector("[data-role=next-page]"));
        Assert.Equal("/cases?q=%E8%B7%AF%E7%81%AF", second.QuerySelector("[data-role=first-page]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_export_is_utf8_csv_with_a_bom_masking_phones_for_roles_that_may_not_see_them()
    {
        var lamp = await FileAsync("app-export", StreetALatitude, StreetALongitude, "路灯不亮, \"很黑\"");
        var leader = await SignInAsync("leader", "Leader#2026");

        var response = await leader.Http.GetAsync("/cases/export.csv?street=310199001");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("工单编号,受理时间,类别,街镇,社区,渠道,状态,主办部门", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith(lamp.Number + ",", row, StringComparison.Ordinal);
        Assert.Contains("浦江街道", row, StringComparison.Ordinal);
        Assert.Contains("\"路灯不亮, \"\"很黑\"\"\"", row, StringComparison.Ordinal);
        Assert.Contains("张** 138****5678", row, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", row, StringComparison.Ordinal);
        var audit = host.Services.GetRequiredService<SqlAuditLog>();
        Assert.Empty(await audit.ForSubjectAsync("case-export", "?street=310199001"));

        var operatorClient = await SignInAsync("operator", "Operator#2026");
        var full = Encoding.UTF8.GetString(await operatorClient.Http.GetByteArrayAsync("/cases/export.csv?street=310199001"));
        Assert.Contains("张三丰 13812345678", full, StringComparison.Ordinal);
        var entry = Assert.Single(await audit.ForSubjectAsync("case-export", "?street=310199001"));
        Assert.Equal(AuditAction.PersonalDataRevealed, entry.Action);
        Assert.Contains(CityRoles.Operator, entry.ActorRoles);
    }

    [Fact]
    public async Task The_case_page_shows_facts_timeline_reports_tasks_and_where_the_case_stands_on_its_diagram()
    {
        var lamp = await FileAsync("app-detail", StreetALatitude, StreetALongitude, "路灯不亮，晚上很黑");
        var joined = await operatorApi.FileAsync(CaseApiClient.LampReport("app-detail-2", StreetALatitude + 0.0001, StreetALongitude, "同一盏路灯"), HttpStatusCode.OK);
        Assert.Equal(lamp.Id, joined.GetProperty("caseId").GetString());
        var client = await SignInAsync("operator", "Operator#2026");
        using (var upload = new MultipartFormDataContent())
        {
            upload.Add(new StringContent((await client.GetPageAsync("/")).QuerySelector("meta[name=antiforgery-token]")!.GetAttribute("content")!), "__RequestVerificationToken");
            var part = new ByteArrayContent(TestPhotos.Png(64, 48));
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            upload.Add(part, "file", "lamp.png");
            Assert.Equal(HttpStatusCode.Created, (await client.Http.PostAsync($"/api/cases/{lamp.Id}/attachments", upload)).StatusCode);
        }

        var page = await client.GetPageAsync($"/cases/{lamp.Id}");

        Assert.Equal(lamp.Number, page.QuerySelector("[data-role=case-number]")!.TextContent.Trim());
        Assert.Equal("路灯不亮，晚上很黑", page.QuerySelector("[data-role=description]")!.TextContent.Trim());
        Assert.Equal("张** 138****5678", page.QuerySelector("[data-role=reporter]")!.TextContent.Trim());
        Assert.DoesNotContain("13812345678", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("[data-role=reports] [data-report]").Length);
        var steps = page.QuerySelectorAll("[data-role=timeline] > li").Select(li => li.GetAttribute("data-step")).ToList();
        Assert.Equal("Step.Reported", steps[0]);
        Assert.Contains("Step.TaskCreated", steps);

        var photo = Assert.Single(page.QuerySelectorAll("[data-role=photos] img"));
        Assert.StartsWith($"/api/cases/{lamp.Id}/attachments/", photo.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal("64", photo.GetAttribute("width"));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(photo.GetAttribute("src"))).StatusCode);

        var openTask = Assert.Single(page.QuerySelectorAll("[data-role=open-tasks] [data-task]")).GetAttribute("data-task")!;
        var diagram = page.QuerySelector("[data-case-diagram]")!;
        Assert.Contains(openTask, diagram.GetAttribute("data-active")!.Split(' '));
        Assert.Contains("CaseFiled", diagram.GetAttribute("data-completed")!.Split(' '));
        Assert.Equal($"/cases/{lamp.Id}/diagram.bpmn", diagram.GetAttribute("data-src"));
        Assert.NotNull(page.QuerySelector("script[src='dist/pages/case-diagram.js']"));

        var xml = await client.Http.GetAsync($"/cases/{lamp.Id}/diagram.bpmn");
        Assert.Equal(HttpStatusCode.OK, xml.StatusCode);
        Assert.Equal("application/xml", xml.Content.Headers.ContentType!.MediaType);
        var bpmn = await xml.Content.ReadAsStringAsync();
        Assert.Contains("id=\"case-lifecycle\"", bpmn, StringComparison.Ordinal);
        Assert.Contains($"id=\"{openTask}\"", bpmn, StringComparison.Ordinal);
        Assert.Contains("bpmndi:BPMNShape", bpmn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_outside_the_readers_scope_is_not_found_on_its_page_diagram_reveal_search_and_export()
    {
        var inB = await FileAsync("app-scope-b", StreetBLatitude, StreetBLongitude, "路灯不亮已经三天");
        await CreateUserAsync("street-a-dispatcher", CityRoles.Dispatcher, areaId: "310199001");
        var streetA = await SignInAsync("street-a-dispatcher", "StreetA#2026");

        Assert.Equal(HttpStatusCode.NotFound, (await streetA.Http.GetAsync($"/cases/{inB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await streetA.Http.GetAsync("/cases/no-such-case")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await streetA.Http.GetAsync($"/cases/{inB.Id}/diagram.bpmn")).StatusCode);
        var search = await streetA.GetPageAsync("/cases");
        Assert.Empty(search.QuerySelectorAll("tr[data-case]"));
        Assert.Equal(["310199001"], search.QuerySelectorAll("#filter-street option[value]").Select(o => o.GetAttribute("value")).Where(v => v != ""));
        var export = await streetA.Http.GetStringAsync("/cases/export.csv");
        Assert.DoesNotContain(inB.Number, export, StringComparison.Ordinal);

        var own = await SignInAsync("operator", "Operator#2026");
        var token = PortalClient.AntiforgeryTokenOf(await own.GetPageAsync($"/cases/{inB.Id}"));
        var reveal = new HttpRequestMessage(HttpMethod.Post, $"/cases/{inB.Id}/reporter") { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]) };
        Assert.Equal(HttpStatusCode.OK, (await own.Http.SendAsync(reveal)).StatusCode);
        var outside = await streetA.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/cases/{inB.Id}/reporter")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", PortalClient.AntiforgeryTokenOf(search))]),
        });
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Fact]
    public async Task Revealing_the_reporter_needs_a_role_allowed_to_and_the_pages_token_and_is_audited()
    {
        var lamp = await FileAsync("app-reveal", StreetALatitude, StreetALongitude, "路灯不亮");
        var client = await SignInAsync("operator", "Operator#2026");
        var page = await client.GetPageAsync($"/cases/{lamp.Id}");
        Assert.NotNull(page.QuerySelector("[data-role=reveal-reporter]"));

        var withoutToken = await client.Http.PostAsync($"/cases/{lamp.Id}/reporter", null);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/cases/{lamp.Id}/reporter");
        request.Headers.Add("RequestVerificationToken", PortalClient.AntiforgeryTokenOf(page));
        request.Headers.Add("HX-Request", "true");
        var revealed = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        var fragment = PortalClient.Parse(await revealed.Content.ReadAsStringAsync());
        Assert.Equal("张三丰 13812345678", fragment.QuerySelector("[data-role=reporter-full]")!.TextContent);
        var audit = await host.Services.GetRequiredService<SqlAuditLog>().ForSubjectAsync("case", lamp.Id);
        Assert.Single(audit, e => e.Action == AuditAction.PersonalDataRevealed);

        var leader = await SignInAsync("leader", "Leader#2026");
        var leaderPage = await leader.GetPageAsync($"/cases/{lamp.Id}");
        Assert.Null(leaderPage.QuerySelector("[data-role=reveal-reporter]"));
        var refused = await leader.Http.PostAsync($"/cases/{lamp.Id}/reporter",
            new FormUrlEncodedContent([new("__RequestVerificationToken", PortalClient.AntiforgeryTokenOf(leaderPage))]));
        // A portal post the role may not make is sent to the home page (the access-denied page), as the browser would be.
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/?ReturnUrl=", PortalClient.PathOf(refused.Headers.Location!), StringComparison.Ordinal);
        Assert.Single(await host.Services.GetRequiredService<SqlAuditLog>().ForSubjectAsync("case", lamp.Id), e => e.Action == AuditAction.PersonalDataRevealed);
    }

    private async Task<(string Id, string Number)> FileAsync(string sourceId, double latitude, double longitude, string description)
    {
        var answer = await operatorApi.FileAsync(CaseApiClient.LampReport(sourceId, latitude, longitude, description), HttpStatusCode.Created);
        return (answer.GetProperty("caseId").GetString()!, answer.GetProperty("caseNumber").GetString()!);
    }

    private async Task<PortalClient> SignInAsync(string userName, string password)
    {
        var client = new PortalClient(host);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(userName, password)).StatusCode);
        return client;
    }

    private async Task CreateUserAsync(string userName, string role, string areaId)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CityUser>>();
        var user = new CityUser { UserName = userName, DisplayName = userName, AreaId = areaId };
        Assert.True((await users.CreateAsync(user, "StreetA#2026")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }
}
