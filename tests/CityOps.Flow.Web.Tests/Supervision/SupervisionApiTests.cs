using System.Net;
using System.Net.Http.Json;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using static CityOps.Flow.Web.Tests.Supervision.SupervisedDistrict;

namespace CityOps.Flow.Web.Tests.Supervision;

/// <summary>The supervision API through the real host on SQLite, with the host's clock moved by the test.</summary>
public sealed class SupervisionApiTests : IAsyncLifetime
{
    private readonly SupervisedDistrict district = OnSqlite();
    private HttpClient operatorApi = null!;
    private HttpClient supervisor = null!;

    public async Task InitializeAsync()
    {
        operatorApi = await district.SignInAsync("operator", "Operator#2026");
        supervisor = await district.SignInAsync("supervisor", "Supervisor#2026");
    }

    public async Task DisposeAsync() => await district.DisposeAsync();

    [Fact]
    public async Task Cases_move_from_on_time_to_near_due_to_overdue_on_the_board_in_working_time()
    {
        var inA = await district.FileLampAsync(operatorApi, "board-a", StreetA);
        var inB = await district.FileLampAsync(operatorApi, "board-b", StreetB);

        var fresh = await GetJsonAsync(supervisor, "/api/supervision/board");
        Assert.Equal(0, fresh.GetProperty("nearDue").GetInt32());
        Assert.Equal(0, fresh.GetProperty("overdue").GetInt32());
        Assert.Empty(fresh.GetProperty("cases").EnumerateArray());

        // P2D from Monday 09:00 falls due on Wednesday at 17:30; by Wednesday 14:00 over 75 % of its working time is used.
        await district.MoveToAsync(Monday.AddDays(2).AddHours(5));
        var nearDue = await GetJsonAsync(supervisor, "/api/supervision/board");
        Assert.Equal(2, nearDue.GetProperty("nearDue").GetInt32());
        Assert.All(nearDue.GetProperty("cases").EnumerateArray(), c =>
        {
            Assert.Equal("NearDue", c.GetProperty("dueState").GetString());
            // No timer has fired on this clock yet: the board measures, the lifecycle warns.
            Assert.Equal("None", c.GetProperty("warningTier").GetString());
            Assert.Equal(210, c.GetProperty("workingMinutesLeft").GetInt64());
        });

        // Thursday 10:00: one working hour past the due time; the night does not count.
        await district.MoveToAsync(Monday.AddDays(3).AddHours(1));
        var overdue = await GetJsonAsync(supervisor, "/api/supervision/board");
        Assert.Equal(0, overdue.GetProperty("nearDue").GetInt32());
        Assert.Equal(2, overdue.GetProperty("overdue").GetInt32());
        var listed = overdue.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal([inA.Number, inB.Number], listed.Select(c => c.GetProperty("number").GetString()).Order());
        Assert.All(listed, c => Assert.Equal(-60, c.GetProperty("workingMinutesLeft").GetInt64()));
        var streets = overdue.GetProperty("byStreet").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Equal(1, streets[StreetAId].GetProperty("overdue").GetInt32());
        Assert.Equal("浦江街道", streets[StreetAId].GetProperty("name").GetString());
        Assert.Equal(1, streets[StreetBId].GetProperty("overdue").GetInt32());
        var departments = overdue.GetProperty("byDepartment").EnumerateArray().ToList();
        Assert.Equal(2, departments.Sum(d => d.GetProperty("overdue").GetInt32()));
        Assert.Contains(departments, d => d.GetProperty("id").GetString() == inA.LeadDepartment && d.GetProperty("name").GetString() is { Length: > 0 });
    }

    [Fact]
    public async Task The_board_drills_down_to_one_street_or_one_department()
    {
        var inA = await district.FileLampAsync(operatorApi, "drill-a", StreetA);
        var inB = await district.FileLampAsync(operatorApi, "drill-b", StreetB);
        await district.MoveToAsync(Monday.AddDays(3).AddHours(1));

        var streetB = await GetJsonAsync(supervisor, $"/api/supervision/board?street={StreetBId}");
        Assert.Equal(inB.Number, Assert.Single(streetB.GetProperty("cases").EnumerateArray()).GetProperty("number").GetString());
        // The counts stay those of the whole scope; only the list narrows.
        Assert.Equal(2, streetB.GetProperty("overdue").GetInt32());

        var department = await GetJsonAsync(supervisor, $"/api/supervision/board?department={inA.LeadDepartment}&state=overdue");
        Assert.Contains(department.GetProperty("cases").EnumerateArray(), c => c.GetProperty("number").GetString() == inA.Number);
        Assert.All(department.GetProperty("cases").EnumerateArray(), c => Assert.Equal(inA.LeadDepartment, c.GetProperty("departmentId").GetString()));
        Assert.Empty((await GetJsonAsync(supervisor, "/api/supervision/board?state=nearDue")).GetProperty("cases").EnumerateArray());

        var badState = await supervisor.GetAsync("/api/supervision/board?state=late");
        var problem = await Cases.CaseApiClient.ExpectAsync(badState, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("state", out _));
    }

    [Fact]
    public async Task A_supervisor_issues_a_notice_on_an_overdue_case_the_case_records_it_and_the_department_sees_it()
    {
        var filed = await district.FileLampAsync(operatorApi, "notice", StreetA);
        await district.CreateUserAsync("lamp-handler", CityRoles.Handler, StreetAId, filed.LeadDepartment);
        await district.MoveToAsync(Monday.AddDays(3).AddHours(1));

        var issued = await PostJsonAsync(supervisor, $"/api/cases/{filed.Id}/supervision-notices", new { message = "请今天下班前修复并反馈" }, HttpStatusCode.Created);

        Assert.Equal("Overdue", issued.GetProperty("dueState").GetString());
        var notice = issued.GetProperty("notice");
        Assert.Equal("Overdue", notice.GetProperty("tier").GetString());
        Assert.Equal(filed.LeadDepartment, notice.GetProperty("departmentId").GetString());
        Assert.Equal(district.Clock.GetUtcNow(), notice.GetProperty("issuedAt").GetDateTimeOffset());
        var onCase = Assert.Single((await GetJsonAsync(supervisor, $"/api/cases/{filed.Id}/supervision-notices")).EnumerateArray());
        Assert.Equal("请今天下班前修复并反馈", onCase.GetProperty("message").GetString());

        var repository = district.Host.Services.GetRequiredService<CaseRepository>();
        var events = await repository.GetEventsAsync(filed.Id, DataScope.ForDepartments(filed.LeadDepartment));
        Assert.Equal(CaseEventKind.SupervisionNoticeIssued, events[^1].Kind);
        Assert.Equal("请今天下班前修复并反馈", events[^1].Note);
        Assert.Equal("Dispatched", (await GetJsonAsync(supervisor, $"/api/cases/{filed.Id}")).GetProperty("status").GetString(), ignoreCase: true);

        var handler = await district.SignInAsync("lamp-handler");
        var told = Assert.Single((await GetJsonAsync(handler, "/api/supervision/notices")).EnumerateArray());
        Assert.Equal(filed.Number, told.GetProperty("caseNumber").GetString());

        var board = await GetJsonAsync(supervisor, "/api/supervision/board");
        Assert.Equal(filed.Number, Assert.Single(board.GetProperty("escalations").EnumerateArray()).GetProperty("caseNumber").GetString());
        var watched = Assert.Single(board.GetProperty("cases").EnumerateArray());
        Assert.Equal(1, watched.GetProperty("noticeCount").GetInt32());
        Assert.Equal("Overdue", watched.GetProperty("highestNoticeTier").GetString());

        var audit = district.Host.Services.GetRequiredService<CityOps.Flow.Storage.SqlAuditLog>();
        var entry = Assert.Single(await audit.ForSubjectAsync("case", filed.Id), e => e.Action == "case.supervisionnoticeissued");
        Assert.Contains("请今天下班前修复并反馈", entry.DetailsJson);
        Assert.True((await audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_notice_needs_a_message_and_only_supervisors_and_leaders_issue_one()
    {
        var filed = await district.FileLampAsync(operatorApi, "who", StreetA);

        var empty = await supervisor.PostAsJsonAsync($"/api/cases/{filed.Id}/supervision-notices", new { message = "  " });
        Assert.True((await Cases.CaseApiClient.ExpectAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("message", out _));
        var dispatcher = await district.SignInAsync("dispatcher", "Dispatcher#2026");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync($"/api/cases/{filed.Id}/supervision-notices", new { message = "快办" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.GetAsync("/api/supervision/board")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorApi.GetAsync("/api/supervision/board")).StatusCode);

        var leader = await district.SignInAsync("leader", "Leader#2026");
        var issued = await PostJsonAsync(leader, $"/api/cases/{filed.Id}/supervision-notices", new { message = "重点关注，尽快处置" }, HttpStatusCode.Created);
        // Still on time: a leader's notice carries no warning tier.
        Assert.Equal("None", issued.GetProperty("notice").GetProperty("tier").GetString());
    }

    [Fact]
    public async Task A_notice_on_a_closed_case_is_refused_saying_why()
    {
        var filed = await district.FileLampAsync(operatorApi, "closed", StreetA);
        await CloseAsync(filed);

        var response = await supervisor.PostAsJsonAsync($"/api/cases/{filed.Id}/supervision-notices", new { message = "请说明情况" });

        var problem = await Cases.CaseApiClient.ExpectAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"Case {filed.Number}: cannot issue a supervision notice on a case that is closed", problem.GetProperty("detail").GetString());
        Assert.Empty((await GetJsonAsync(supervisor, $"/api/cases/{filed.Id}/supervision-notices")).EnumerateArray());
    }

    [Fact]
    public async Task An_approved_extension_moves_the_due_time_by_working_days_and_takes_the_case_off_the_overdue_list()
    {
        var filed = await district.FileLampAsync(operatorApi, "extend", StreetA);
        var handler = await RequestExtensionAsync(filed, "P2D", "需采购灯具");
        await district.MoveToAsync(Monday.AddDays(3).AddHours(1));

        var request = Assert.Single((await GetJsonAsync(supervisor, "/api/supervision/board")).GetProperty("extensions").EnumerateArray());
        Assert.Equal(filed.Number, request.GetProperty("caseNumber").GetString());
        Assert.Equal("P2D", request.GetProperty("limit").GetString());
        Assert.Equal("需采购灯具", request.GetProperty("reason").GetString());
        Assert.Equal("lamp-handler", request.GetProperty("requestedBy").GetString());
        // Two working days after Wednesday's close: Friday 17:30.
        var friday = new DateTimeOffset(2026, 11, 20, 17, 30, 0, TimeSpan.FromHours(8));
        Assert.Equal(friday, request.GetProperty("proposedDueAt").GetDateTimeOffset());

        var decided = await PostJsonAsync(supervisor, $"/api/supervision/extensions/{request.GetProperty("taskId").GetString()}", new { outcome = "approve" }, HttpStatusCode.OK);

        Assert.True(decided.GetProperty("approved").GetBoolean());
        Assert.Equal(friday, decided.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(friday, (await GetJsonAsync(supervisor, $"/api/cases/{filed.Id}")).GetProperty("dueAt").GetDateTimeOffset());
        var board = await GetJsonAsync(supervisor, "/api/supervision/board");
        Assert.Equal(0, board.GetProperty("overdue").GetInt32());
        Assert.Empty(board.GetProperty("extensions").EnumerateArray());
        var again = Assert.Single((await GetJsonAsync(handler, "/api/tasks")).EnumerateArray());
        Assert.Equal("HandleCase", again.GetProperty("elementId").GetString());
    }

    [Fact]
    public async Task A_denial_needs_a_reason_and_leaves_the_due_time_where_it_was()
    {
        var filed = await district.FileLampAsync(operatorApi, "deny", StreetA);
        var handler = await RequestExtensionAsync(filed, "P1D", "等待配件");
        var taskId = Assert.Single((await GetJsonAsync(supervisor, "/api/supervision/extensions")).EnumerateArray()).GetProperty("taskId").GetString();

        var noReason = await supervisor.PostAsJsonAsync($"/api/supervision/extensions/{taskId}", new { outcome = "deny" });
        Assert.True((await Cases.CaseApiClient.ExpectAsync(noReason, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
        var badOutcome = await supervisor.PostAsJsonAsync($"/api/supervision/extensions/{taskId}", new { outcome = "maybe" });
        Assert.True((await Cases.CaseApiClient.ExpectAsync(badOutcome, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("outcome", out _));
        var denied = await PostJsonAsync(supervisor, $"/api/supervision/extensions/{taskId}", new { outcome = "deny", reason = "配件库存充足，请按时完成" }, HttpStatusCode.OK);

        Assert.False(denied.GetProperty("approved").GetBoolean());
        Assert.Equal(filed.DueAt, denied.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(filed.DueAt, (await GetJsonAsync(supervisor, $"/api/cases/{filed.Id}")).GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("HandleCase", Assert.Single((await GetJsonAsync(handler, "/api/tasks")).EnumerateArray()).GetProperty("elementId").GetString());
        var again = await supervisor.PostAsJsonAsync($"/api/supervision/extensions/{taskId}", new { outcome = "approve" });
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_supervisor_of_street_A_sees_nothing_of_street_B()
    {
        var inA = await district.FileLampAsync(operatorApi, "scope-a", StreetA);
        var inB = await district.FileLampAsync(operatorApi, "scope-b", StreetB);
        await RequestExtensionAsync(inB, "P1D", "等待配件", handlerName: "b-handler", streetId: StreetBId);
        await PostJsonAsync(supervisor, $"/api/cases/{inB.Id}/supervision-notices", new { message = "请加快处置" }, HttpStatusCode.Created);
        await district.CreateUserAsync("street-a-supervisor", CityRoles.Supervisor, StreetAId);
        var streetA = await district.SignInAsync("street-a-supervisor");
        await district.MoveToAsync(Monday.AddDays(3).AddHours(1));

        var board = await GetJsonAsync(streetA, "/api/supervision/board");
        Assert.Equal(1, board.GetProperty("overdue").GetInt32());
        Assert.Equal(inA.Number, Assert.Single(board.GetProperty("cases").EnumerateArray()).GetProperty("number").GetString());
        Assert.Equal(StreetAId, Assert.Single(board.GetProperty("byStreet").EnumerateArray()).GetProperty("id").GetString());
        Assert.Empty(board.GetProperty("escalations").EnumerateArray());
        Assert.Empty(board.GetProperty("extensions").EnumerateArray());
        Assert.Empty((await GetJsonAsync(streetA, $"/api/supervision/board?street={StreetBId}")).GetProperty("cases").EnumerateArray());
        Assert.Empty((await GetJsonAsync(streetA, "/api/supervision/notices")).EnumerateArray());
        Assert.Empty((await GetJsonAsync(streetA, "/api/supervision/extensions")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await streetA.GetAsync($"/api/cases/{inB.Id}/supervision-notices")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await streetA.GetAsync($"/api/cases/{inB.Number}/supervision-notices")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await streetA.PostAsJsonAsync($"/api/cases/{inB.Id}/supervision-notices", new { message = "越权督办" })).StatusCode);
        var taskB = Assert.Single((await GetJsonAsync(supervisor, "/api/supervision/extensions")).EnumerateArray()).GetProperty("taskId").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await streetA.PostAsJsonAsync($"/api/supervision/extensions/{taskB}", new { outcome = "approve" })).StatusCode);
        // Nothing of it happened: the district supervisor still sees the request pending and one notice on B.
        Assert.Single((await GetJsonAsync(supervisor, "/api/supervision/extensions")).EnumerateArray());
        Assert.Single((await GetJsonAsync(supervisor, $"/api/cases/{inB.Id}/supervision-notices")).EnumerateArray());
    }

    [Fact]
    public async Task The_lifecycles_own_escalation_past_the_limit_shows_among_the_escalations()
    {
        var filed = await district.FileLampAsync(operatorApi, "timer", StreetA);
        await district.MoveToAsync(Monday.AddDays(3).AddHours(1));

        var fired = district.Host.Services.GetRequiredService<WorkflowEngine>().FireDueJobs();

        Assert.True(fired > 0);
        var escalation = Assert.Single((await GetJsonAsync(supervisor, "/api/supervision/board")).GetProperty("escalations").EnumerateArray());
        Assert.Equal(filed.Number, escalation.GetProperty("caseNumber").GetString());
        Assert.Equal("Overdue", escalation.GetProperty("tier").GetString());
        Assert.True(escalation.GetProperty("bySystem").GetBoolean());
        var watched = Assert.Single((await GetJsonAsync(supervisor, "/api/supervision/board")).GetProperty("cases").EnumerateArray());
        Assert.Equal("Overdue", watched.GetProperty("warningTier").GetString());
    }

    /// <summary>The lead department's handler accepts the case and asks for more time.</summary>
    private async Task<HttpClient> RequestExtensionAsync(FiledCase filed, string limit, string reason, string handlerName = "lamp-handler", string streetId = StreetAId)
    {
        await district.CreateUserAsync(handlerName, CityRoles.Handler, streetId, filed.LeadDepartment);
        var handler = await district.SignInAsync(handlerName);
        var taskId = Assert.Single((await GetJsonAsync(handler, $"/api/cases/{filed.Id}/tasks")).EnumerateArray()).GetProperty("id").GetString();
        await PostJsonAsync(handler, $"/api/cases/{filed.Id}/tasks/{taskId}/accept", new { }, HttpStatusCode.OK);
        await PostJsonAsync(handler, $"/api/cases/{filed.Id}/tasks/{taskId}/extension", new { reason, limit }, HttpStatusCode.OK);
        return handler;
    }

    /// <summary>Handled, reviewed and called back satisfied: the lifecycle closes the case.</summary>
    private async Task CloseAsync(FiledCase filed)
    {
        await district.CreateUserAsync("closing-handler", CityRoles.Handler, StreetAId, filed.LeadDepartment);
        var handler = await district.SignInAsync("closing-handler");
        var taskId = await OnlyTaskAsync(handler, filed);
        await PostJsonAsync(handler, $"/api/cases/{filed.Id}/tasks/{taskId}/accept", new { }, HttpStatusCode.OK);
        await PostJsonAsync(handler, $"/api/cases/{filed.Id}/tasks/{taskId}/complete", new { result = "已更换灯泡" }, HttpStatusCode.OK);
        var dispatcher = await district.SignInAsync("dispatcher", "Dispatcher#2026");
        await PostJsonAsync(dispatcher, $"/api/cases/{filed.Id}/tasks/{await OnlyTaskAsync(dispatcher, filed)}/review", new { outcome = "accept" }, HttpStatusCode.OK);
        await PostJsonAsync(operatorApi, $"/api/cases/{filed.Id}/tasks/{await OnlyTaskAsync(operatorApi, filed)}/callback", new { outcome = "satisfied" }, HttpStatusCode.OK);
        Assert.Equal("Closed", (await GetJsonAsync(supervisor, $"/api/cases/{filed.Id}")).GetProperty("status").GetString(), ignoreCase: true);
    }

    private static async Task<string?> OnlyTaskAsync(HttpClient http, FiledCase filed) =>
        Assert.Single((await GetJsonAsync(http, $"/api/cases/{filed.Id}/tasks")).EnumerateArray()).GetProperty("id").GetString();
}
