using System.Net;
using System.Text.Json;
using CityOps.Flow.Cases.Audit;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Web.Tests.Cases;

/// <summary>Reports through the real host into cases, their lifecycle instances and scoped reads.</summary>
public sealed class IntakeApiTests : IAsyncLifetime
{
    // Jiangyue Community (江月社区) of Pujiang Street, and a community of Street 310199002, from the demo district.
    private const double StreetALatitude = 31.052;
    private const double StreetALongitude = 121.579;
    private const double StreetBLatitude = 31.0832;
    private const double StreetBLongitude = 121.5668;

    private readonly PortalHost host = new(settings: new Dictionary<string, string?> { ["Workflows:PollInterval"] = "00:00:30" });
    private CaseApiClient operatorApi = null!;

    public async Task InitializeAsync() => operatorApi = await CaseApiClient.SignInAsync(host, "operator", "Operator#2026");

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_report_opens_a_case_whose_lifecycle_instance_puts_a_task_before_the_right_group()
    {
        var answer = await operatorApi.FileAsync(CaseApiClient.LampReport("app-1", StreetALatitude, StreetALongitude), HttpStatusCode.Created);

        Assert.Equal("opened", answer.GetProperty("outcome").GetString());
        Assert.Matches(@"^PJ-\d{8}-\d{6}$", answer.GetProperty("caseNumber").GetString());
        var stored = answer.GetProperty("case");
        Assert.Equal("310199001", stored.GetProperty("streetId").GetString());
        Assert.Equal("310199001001", stored.GetProperty("communityId").GetString());
        Assert.Equal(1, stored.GetProperty("clusterSize").GetInt32());
        var instanceId = stored.GetProperty("processInstanceId").GetString();
        Assert.False(string.IsNullOrEmpty(instanceId));

        var admin = await CaseApiClient.SignInAsync(host, "admin", "Admin#2026");
        var instance = await admin.GetJsonAsync($"/api/workflows/instances/{instanceId}");
        Assert.Equal("case-lifecycle", instance.GetProperty("processId").GetString());
        Assert.Equal(answer.GetProperty("caseId").GetString(), instance.GetProperty("variables").GetProperty("caseId").GetString());
        var task = Assert.Single((await admin.GetJsonAsync($"/api/workflows/tasks?instanceId={instanceId}")).GetProperty("items").EnumerateArray());
        var groups = task.GetProperty("candidateGroups").EnumerateArray().Select(g => g.GetString()).ToList();
        // Routed straight to a department (the lead is on the case) or to the street's dispatchers to file.
        var lead = stored.GetProperty("leadDepartmentId").GetString();
        var expected = lead is null ? "dispatch:310199001" : $"dept:{lead}";
        Assert.Contains(expected, groups);
        if (lead is not null)
        {
            // The routed due time is on the case, as the handling task has it.
            Assert.Equal(task.GetProperty("dueDate").GetDateTimeOffset(), stored.GetProperty("dueAt").GetDateTimeOffset());
        }
    }

    [Fact]
    public async Task Posting_the_same_channel_and_source_id_twice_creates_one_case()
    {
        var report = CaseApiClient.LampReport("app-retry", StreetALatitude, StreetALongitude);

        var first = await operatorApi.FileAsync(report, HttpStatusCode.Created);
        var second = await operatorApi.FileAsync(report, HttpStatusCode.OK);

        Assert.Equal("duplicate", second.GetProperty("outcome").GetString());
        Assert.Equal(first.GetProperty("caseNumber").GetString(), second.GetProperty("caseNumber").GetString());
        Assert.Equal(1, second.GetProperty("clusterSize").GetInt32());
        var page = await operatorApi.GetJsonAsync("/api/cases?category=0109");
        Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_second_report_of_the_category_20_metres_away_joins_the_case_and_raises_its_cluster()
    {
        var first = await operatorApi.FileAsync(CaseApiClient.LampReport("app-a", StreetALatitude, StreetALongitude), HttpStatusCode.Created);

        // 0.00018° of latitude is 20 m.
        var second = await operatorApi.FileAsync(CaseApiClient.LampReport("app-b", StreetALatitude + 0.00018, StreetALongitude), HttpStatusCode.OK);

        Assert.Equal("joined", second.GetProperty("outcome").GetString());
        Assert.Equal(first.GetProperty("caseId").GetString(), second.GetProperty("caseId").GetString());
        Assert.Equal(2, second.GetProperty("clusterSize").GetInt32());
        var stored = await operatorApi.GetJsonAsync($"/api/cases/{first.GetProperty("caseId").GetString()}");
        Assert.Equal(2, stored.GetProperty("clusterSize").GetInt32());
        var admin = await CaseApiClient.SignInAsync(host, "admin", "Admin#2026");
        var instancePath = $"/api/workflows/instances/{stored.GetProperty("processInstanceId").GetString()}";

        // The lifecycle sync passes the grown size on to the instance right after the join, off the request path.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var told = 0;
        while (told != 2 && DateTime.UtcNow < deadline)
        {
            told = (await admin.GetJsonAsync(instancePath)).GetProperty("variables").GetProperty("clusterSize").GetInt32();
            await Task.Delay(told == 2 ? 0 : 50);
        }

        Assert.True(told == 2, $"the instance holds clusterSize {told}; host log: {string.Join(Environment.NewLine, host.Log.TakeLast(20))}");
        var everything = (await host.Services.GetRequiredService<CityAreasSource>().GetAsync()).Everything;
        var timeline = await host.Services.GetRequiredService<CaseRepository>().GetEventsAsync(first.GetProperty("caseId").GetString()!, everything);
        var joinedEvent = Assert.Single(timeline, e => e.Kind == CaseEventKind.ReportJoined);
        Assert.Equal("app:app-b", joinedEvent.Note);
        Assert.Equal(CaseEventKind.Reported, timeline[0].Kind);
    }

    [Fact]
    public async Task Two_reports_posted_at_once_for_one_spot_open_a_single_case()
    {
        var posts = Enumerable.Range(0, 6)
            .Select(i => operatorApi.PostReportAsync(CaseApiClient.LampReport($"app-storm-{i}", StreetALatitude, StreetALongitude + i * 0.00005)))
            .ToList();
        var answers = await Task.WhenAll(posts);

        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(5, answers.Count(r => r.StatusCode == HttpStatusCode.OK));
        var page = await operatorApi.GetJsonAsync("/api/cases?category=0109");
        Assert.Equal(6, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("clusterSize").GetInt32());
    }

    [Fact]
    public async Task A_bad_report_is_a_problem_naming_each_field_and_creates_nothing()
    {
        var report = CaseApiClient.LampReport("app-bad", StreetALatitude, StreetALongitude);
        report["categoryCode"] = "01"; // a class, not a reportable subclass
        report["location"] = new { point = new { latitude = 95.0, longitude = StreetALongitude } };
        var missing = new Dictionary<string, object?> { ["channel"] = "app", ["location"] = new { address = "浦江路" } };
        var badPhone = CaseApiClient.LampReport("app-bad-phone", StreetALatitude, StreetALongitude);
        badPhone["reporter"] = new { name = "李四", phone = "12345" };

        var invalid = await ProblemAsync(await operatorApi.PostReportAsync(report));
        var incomplete = await ProblemAsync(await operatorApi.PostReportAsync(missing));
        var unreadable = await ProblemAsync(await operatorApi.PostReportAsync(badPhone));
        var addressOnly = CaseApiClient.LampReport("app-address-only", StreetALatitude, StreetALongitude);
        addressOnly["location"] = new { address = "火星基地一号舱" }; // an address the district's gazetteer does not know
        var unplaced = await ProblemAsync(await operatorApi.PostReportAsync(addressOnly));
        var elsewhere = CaseApiClient.LampReport("app-unknown-area", StreetALatitude, StreetALongitude);
        elsewhere["location"] = new { areaId = "999999", address = "浦江路 100 号" };
        var unknownArea = await ProblemAsync(await operatorApi.PostReportAsync(elsewhere));

        Assert.True(invalid.TryGetProperty("categoryCode", out _), invalid.ToString());
        Assert.Contains(invalid.EnumerateObject(), p => p.Name.StartsWith("location", StringComparison.Ordinal));
        Assert.True(incomplete.TryGetProperty("sourceId", out _), incomplete.ToString());
        Assert.True(incomplete.TryGetProperty("categoryCode", out _), incomplete.ToString());
        Assert.True(unreadable.TryGetProperty("reporter.phone", out _), unreadable.ToString());
        Assert.True(unplaced.TryGetProperty("location.address", out _), unplaced.ToString());
        Assert.True(unknownArea.TryGetProperty("location.areaId", out _), unknownArea.ToString());
        var page = await operatorApi.GetJsonAsync("/api/cases");
        Assert.Empty(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_street_user_sees_their_street_and_gets_404_for_a_case_of_another_street()
    {
        var inA = await operatorApi.FileAsync(CaseApiClient.LampReport("app-street-a", StreetALatitude, StreetALongitude), HttpStatusCode.Created);
        var inB = await operatorApi.FileAsync(CaseApiClient.LampReport("app-street-b", StreetBLatitude, StreetBLongitude), HttpStatusCode.Created);
        Assert.Equal("310199002", inB.GetProperty("case").GetProperty("streetId").GetString());
        await CreateUserAsync("street-a-dispatcher", CityRoles.Dispatcher, areaId: "310199001");
        var streetA = await CaseApiClient.SignInAsync(host, "street-a-dispatcher", "StreetA#2026");

        var own = await streetA.GetAsync($"/api/cases/{inA.GetProperty("caseId").GetString()}");
        var other = await streetA.GetAsync($"/api/cases/{inB.GetProperty("caseId").GetString()}");
        var unknown = await streetA.GetAsync("/api/cases/no-such-case");
        var listed = await streetA.GetJsonAsync("/api/cases");
        var districtListed = await operatorApi.GetJsonAsync("/api/cases");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await TitleAsync(unknown), await TitleAsync(other));
        Assert.Equal([inA.GetProperty("caseId").GetString()], listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(2, districtListed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_department_user_sees_the_cases_their_department_leads_and_no_others()
    {
        var answer = await operatorApi.FileAsync(CaseApiClient.LampReport("app-dept", StreetALatitude, StreetALongitude), HttpStatusCode.Created);
        var caseId = answer.GetProperty("caseId").GetString();
        var lead = answer.GetProperty("case").GetProperty("leadDepartmentId").GetString()!;
        await CreateUserAsync("lead-handler", CityRoles.Handler, areaId: "310199", departmentId: lead);
        var leading = await CaseApiClient.SignInAsync(host, "lead-handler", "StreetA#2026");
        var streetLaw = await CaseApiClient.SignInAsync(host, "handler", "Handler#2026"); // 310199001-law

        Assert.Equal(HttpStatusCode.OK, (await leading.GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.Single((await leading.GetJsonAsync("/api/cases")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await streetLaw.GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.Empty((await streetLaw.GetJsonAsync("/api/cases")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Search_filters_by_keyword_and_pages_by_cursor()
    {
        for (var i = 0; i < 3; i++)
        {
            // A kilometre apart, so each opens its own case.
            await operatorApi.FileAsync(
                CaseApiClient.LampReport($"app-page-{i}", StreetALatitude + i * 0.01, StreetALongitude, $"第{i}号路灯不亮"), HttpStatusCode.Created);
        }

        await operatorApi.FileAsync(
            CaseApiClient.LampReport("app-other", StreetALatitude - 0.01, StreetALongitude, "灯杆倾斜"), HttpStatusCode.Created);

        var first = await operatorApi.GetJsonAsync("/api/cases?keyword=不亮&pageSize=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await operatorApi.GetJsonAsync($"/api/cases?keyword=不亮&pageSize=2&cursor={Uri.EscapeDataString(cursor!)}");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        var bad = await operatorApi.GetAsync("/api/cases?status=Sleeping");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Responses_show_the_phone_masked_and_a_reveal_is_audited_before_it_answers()
    {
        var answer = await operatorApi.FileAsync(CaseApiClient.LampReport("app-reveal", StreetALatitude, StreetALongitude), HttpStatusCode.Created);
        var caseId = answer.GetProperty("caseId").GetString()!;
        var got = await operatorApi.GetAsync($"/api/cases/{caseId}");
        var listed = await operatorApi.GetAsync("/api/cases");

        foreach (var text in new[] { answer.ToString(), await got.Content.ReadAsStringAsync(), await listed.Content.ReadAsStringAsync() })
        {
            Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
            Assert.Contains("138****5678", text, StringComparison.Ordinal);
        }

        var revealed = await CaseApiClient.ExpectAsync(await operatorApi.RevealAsync(caseId), HttpStatusCode.OK);
        Assert.Equal("13812345678", revealed.GetProperty("phone").GetString());
        Assert.Equal("张三丰", revealed.GetProperty("name").GetString());
        var audit = await host.Services.GetRequiredService<SqlAuditLog>().ForSubjectAsync("case", caseId);
        var entry = Assert.Single(audit, e => e.Action == AuditAction.PersonalDataRevealed);
        Assert.Contains(CityRoles.Operator, entry.ActorRoles);
        Assert.True((await host.Services.GetRequiredService<SqlAuditLog>().VerifyAsync()).Intact);

        var leader = await CaseApiClient.SignInAsync(host, "leader", "Leader#2026");
        var refused = await leader.RevealAsync(caseId);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Single(await host.Services.GetRequiredService<SqlAuditLog>().ForSubjectAsync("case", caseId), e => e.Action == AuditAction.PersonalDataRevealed);
    }

    [Fact]
    public async Task Only_operators_dispatchers_and_administrators_may_file_reports()
    {
        var handler = await CaseApiClient.SignInAsync(host, "handler", "Handler#2026");

        var refused = await handler.PostReportAsync(CaseApiClient.LampReport("app-handler", StreetALatitude, StreetALongitude));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty((await operatorApi.GetJsonAsync("/api/cases")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_openapi_document_describes_intake_and_cases()
    {
        var document = await operatorApi.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/intake/reports", out _));
        Assert.True(paths.TryGetProperty("/api/cases", out _) || paths.TryGetProperty("/api/cases/", out _));
        Assert.True(paths.TryGetProperty("/api/cases/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/cases/{id}/reporter/reveal", out _));
    }

    private async Task CreateUserAsync(string userName, string role, string areaId, string? departmentId = null)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CityUser>>();
        var user = new CityUser { UserName = userName, DisplayName = userName, AreaId = areaId, DepartmentId = departmentId };
        Assert.True((await users.CreateAsync(user, "StreetA#2026")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        var body = await CaseApiClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return body.GetProperty("errors");
    }

    private static async Task<string?> TitleAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString();
}
