using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Web.Tests.Cases.Actions;

/// <summary>A case worked through its lifecycle by the people of its groups, over the task API of the real host.</summary>
public sealed class CaseTaskActionTests : IAsyncLifetime
{
    // Jiangyue Community (江月社区) of Pujiang Street in the demo district.
    private const double Latitude = 31.052;
    private const double Longitude = 121.579;

    private readonly PortalHost host = new(settings: new Dictionary<string, string?> { ["Workflows:PollInterval"] = "00:00:30" });
    private TaskApi operatorApi = null!;
    private string caseId = null!;
    private string leadDepartment = null!;

    public async Task InitializeAsync()
    {
        operatorApi = await SignInAsync("operator", "Operator#2026");
        var answer = await operatorApi.FileAsync(CaseApiClient.LampReport("app-actions", Latitude, Longitude), HttpStatusCode.Created);
        caseId = answer.GetProperty("caseId").GetString()!;
        // A street lamp in a resolved street is routed straight to its lead department.
        leadDepartment = answer.GetProperty("case").GetProperty("leadDepartmentId").GetString()!;
        Assert.Equal("Dispatched", answer.GetProperty("case").GetProperty("status").GetString(), ignoreCase: true);
        await CreateUserAsync("lead-handler", CityRoles.Handler, "310199001", leadDepartment);
        await CreateUserAsync("other-handler", CityRoles.Handler, "310199001", leadDepartment == "dept-water" ? "dept-greening" : "dept-water");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_lead_department_handles_the_dispatcher_reviews_and_the_callback_closes_the_case()
    {
        var handler = await SignInAsync("lead-handler");
        var inbox = await handler.GetJsonAsync("/api/tasks");
        var task = Assert.Single(inbox.EnumerateArray());
        Assert.Equal("HandleCase", task.GetProperty("elementId").GetString());
        Assert.Contains($"dept:{leadDepartment}", task.GetProperty("candidateGroups").EnumerateArray().Select(g => g.GetString()));
        var taskId = task.GetProperty("id").GetString();

        var accepted = await ActAsync(handler, taskId, "accept", new { }, HttpStatusCode.OK);
        Assert.Equal("Handling", accepted.GetProperty("caseStatus").GetString());
        var completed = await ActAsync(handler, taskId, "complete", new { result = "换了灯泡，路灯已亮" }, HttpStatusCode.OK);
        Assert.Equal("AwaitingReview", completed.GetProperty("caseStatus").GetString());

        var dispatcher = await SignInAsync("dispatcher", "Dispatcher#2026");
        var review = Assert.Single((await dispatcher.GetJsonAsync($"/api/cases/{caseId}/tasks")).EnumerateArray());
        Assert.Equal("ReviewResult", review.GetProperty("elementId").GetString());
        var reviewed = await ActAsync(dispatcher, review.GetProperty("id").GetString(), "review", new { outcome = "accept" }, HttpStatusCode.OK);
        Assert.Equal("AwaitingCallback", reviewed.GetProperty("caseStatus").GetString());

        var callback = Assert.Single((await operatorApi.GetJsonAsync($"/api/cases/{caseId}/tasks")).EnumerateArray());
        Assert.Equal("CallBack", callback.GetProperty("elementId").GetString());
        await ActAsync(operatorApi, callback.GetProperty("id").GetString(), "callback", new { outcome = "satisfied" }, HttpStatusCode.OK);

        var closed = await operatorApi.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal("Closed", closed.GetProperty("status").GetString(), ignoreCase: true);
        Assert.Empty((await handler.GetJsonAsync("/api/tasks")).EnumerateArray());
    }

    [Fact]
    public async Task A_result_sent_back_without_a_reason_is_refused_and_with_one_returns_to_handling()
    {
        var handler = await SignInAsync("lead-handler");
        var taskId = Assert.Single((await handler.GetJsonAsync($"/api/cases/{caseId}/tasks")).EnumerateArray()).GetProperty("id").GetString();
        await ActAsync(handler, taskId, "accept", new { }, HttpStatusCode.OK);
        await ActAsync(handler, taskId, "complete", new { result = "已修复" }, HttpStatusCode.OK);
        var dispatcher = await SignInAsync("dispatcher", "Dispatcher#2026");
        var reviewId = Assert.Single((await dispatcher.GetJsonAsync($"/api/cases/{caseId}/tasks")).EnumerateArray()).GetProperty("id").GetString();

        var noReason = await dispatcher.PostAsync($"/api/cases/{caseId}/tasks/{reviewId}/review", new { outcome = "sendBack" });
        Assert.True((await CaseApiClient.ExpectAsync(noReason, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
        var sentBack = await ActAsync(dispatcher, reviewId, "review", new { outcome = "sendBack", reason = "现场仍不亮" }, HttpStatusCode.OK);

        Assert.Equal("Handling", sentBack.GetProperty("caseStatus").GetString());
        var again = Assert.Single((await handler.GetJsonAsync("/api/tasks")).EnumerateArray());
        Assert.Equal("HandleCase", again.GetProperty("elementId").GetString());
        var retaken = await ActAsync(handler, again.GetProperty("id").GetString(), "accept", new { }, HttpStatusCode.OK);
        Assert.Equal("Handling", retaken.GetProperty("caseStatus").GetString());
    }

    [Fact]
    public async Task A_critical_case_filed_by_the_dispatcher_reaches_the_chosen_department()
    {
        var report = CaseApiClient.LampReport("app-critical", 31.0832, 121.5668);
        report["severity"] = "critical";
        var critical = (await operatorApi.FileAsync(report, HttpStatusCode.Created)).GetProperty("caseId").GetString();
        await CreateUserAsync("water-handler", CityRoles.Handler, "310199002", "dept-water");
        var dispatcher = await SignInAsync("dispatcher", "Dispatcher#2026");
        var filing = Assert.Single((await dispatcher.GetJsonAsync($"/api/cases/{critical}/tasks")).EnumerateArray());
        var filingId = filing.GetProperty("id").GetString();

        var noDepartment = await dispatcher.PostAsync($"/api/cases/{critical}/tasks/{filingId}/file", new { });
        Assert.True((await CaseApiClient.ExpectAsync(noDepartment, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("department", out _));
        var filed = await CaseApiClient.ExpectAsync(
            await dispatcher.PostAsync($"/api/cases/{critical}/tasks/{filingId}/file", new { department = "dept-water" }), HttpStatusCode.OK);

        Assert.Equal("Dispatched", filed.GetProperty("caseStatus").GetString());
        var water = await SignInAsync("water-handler");
        var handling = Assert.Single((await water.GetJsonAsync("/api/tasks")).EnumerateArray());
        Assert.Equal("HandleCase", handling.GetProperty("elementId").GetString());
        var seen = await water.GetJsonAsync($"/api/cases/{critical}");
        Assert.Equal("dept-water", seen.GetProperty("leadDepartmentId").GetString());
    }

    [Fact]
    public async Task An_extension_approved_by_a_supervisor_puts_the_case_back_with_its_department()
    {
        var handler = await SignInAsync("lead-handler");
        var taskId = Assert.Single((await handler.GetJsonAsync($"/api/cases/{caseId}/tasks")).EnumerateArray()).GetProperty("id").GetString();
        await ActAsync(handler, taskId, "accept", new { }, HttpStatusCode.OK);

        var badLimit = await handler.PostAsync($"/api/cases/{caseId}/tasks/{taskId}/extension", new { reason = "需采购灯具", limit = "two days" });
        Assert.True((await CaseApiClient.ExpectAsync(badLimit, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("limit", out _));
        var requested = await ActAsync(handler, taskId, "extension", new { reason = "需采购灯具", limit = "P2D" }, HttpStatusCode.OK);
        Assert.Equal("Handling", requested.GetProperty("caseStatus").GetString());

        var supervisor = await SignInAsync("supervisor", "Supervisor#2026");
        var decision = Assert.Single((await supervisor.GetJsonAsync("/api/tasks")).EnumerateArray());
        Assert.Equal("DecideExtension", decision.GetProperty("elementId").GetString());
        await ActAsync(supervisor, decision.GetProperty("id").GetString(), "decide", new { outcome = "approve" }, HttpStatusCode.OK);

        var again = Assert.Single((await handler.GetJsonAsync("/api/tasks")).EnumerateArray());
        Assert.Equal("HandleCase", again.GetProperty("elementId").GetString());
    }

    [Fact]
    public async Task A_dissatisfied_citizen_reopens_the_case_to_its_department()
    {
        var handler = await SignInAsync("lead-handler");
        var taskId = Assert.Single((await handler.GetJsonAsync($"/api/cases/{caseId}/tasks")).EnumerateArray()).GetProperty("id").GetString();
        await ActAsync(handler, taskId, "accept", new { }, HttpStatusCode.OK);
        await ActAsync(handler, taskId, "complete", new { result = "已修复" }, HttpStatusCode.OK);
        var dispatcher = await SignInAsync("dispatcher", "Dispatcher#2026");
        var reviewId = Assert.Single((await dispatcher.GetJsonAsync($"/api/cases/{caseId}/tasks")).EnumerateArray()).GetProperty("id").GetString();
        await ActAsync(dispatcher, reviewId, "review", new { outcome = "accept" }, HttpStatusCode.OK);
        var callbackId = Assert.Single((await operatorApi.GetJsonAsync($"/api/cases/{caseId}/tasks")).EnumerateArray()).GetProperty("id").GetString();

        var reopened = await ActAsync(operatorApi, callbackId, "callback", new { outcome = "dissatisfied" }, HttpStatusCode.OK);

        Assert.Equal("Dispatched", reopened.GetProperty("caseStatus").GetString());
        var again = Assert.Single((await handler.GetJsonAsync("/api/tasks")).EnumerateArray());
        Assert.Equal("HandleCase", again.GetProperty("elementId").GetString());
        var accepted = await ActAsync(handler, again.GetProperty("id").GetString(), "accept", new { }, HttpStatusCode.OK);
        Assert.Equal("Handling", accepted.GetProperty("caseStatus").GetString());
    }

    [Fact]
    public async Task An_assisting_department_does_its_part_and_the_lead_finalises()
    {
        var handler = await SignInAsync("lead-handler");
        var taskId = Assert.Single((await handler.GetJsonAsync($"/api/cases/{caseId}/tasks")).EnumerateArray()).GetProperty("id").GetString();
        await ActAsync(handler, taskId, "accept", new { }, HttpStatusCode.OK);
        var other = await SignInAsync("other-handler");
        var otherDepartment = leadDepartment == "dept-water" ? "dept-greening" : "dept-water";

        var joint = await ActAsync(handler, taskId, "assistance", new { departments = new[] { otherDepartment } }, HttpStatusCode.OK);

        Assert.Equal("JointHandling", joint.GetProperty("caseStatus").GetString());
        var assist = Assert.Single((await other.GetJsonAsync("/api/tasks")).EnumerateArray());
        Assert.Equal("AssistCase", assist.GetProperty("elementId").GetString());
        await ActAsync(other, assist.GetProperty("id").GetString(), "assisted", new { result = "已协助更换电缆" }, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{caseId}/tasks")).StatusCode);
        var finalise = Assert.Single((await handler.GetJsonAsync("/api/tasks")).EnumerateArray());
        Assert.Equal("FinaliseCase", finalise.GetProperty("elementId").GetString());
        var done = await ActAsync(handler, finalise.GetProperty("id").GetString(), "complete", new { result = "联合处置完毕" }, HttpStatusCode.OK);
        Assert.Equal("AwaitingReview", done.GetProperty("caseStatus").GetString());
    }

    [Fact]
    public async Task A_return_without_a_reason_is_refused_naming_the_field()
    {
        var handler = await SignInAsync("lead-handler");
        var taskId = Assert.Single((await handler.GetJsonAsync($"/api/cases/{caseId}/tasks")).EnumerateArray()).GetProperty("id").GetString();

        var response = await handler.PostAsync($"/api/cases/{caseId}/tasks/{taskId}/return", new { });

        var problem = await CaseApiClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        var stillOpen = await handler.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal("Dispatched", stillOpen.GetProperty("status").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task A_return_with_a_reason_sends_the_case_back_to_the_street_dispatchers()
    {
        var handler = await SignInAsync("lead-handler");
        var taskId = Assert.Single((await handler.GetJsonAsync($"/api/cases/{caseId}/tasks")).EnumerateArray()).GetProperty("id").GetString();

        var returned = await ActAsync(handler, taskId, "return", new { reason = "不属于本部门职责" }, HttpStatusCode.OK);

        Assert.Equal("Filed", returned.GetProperty("caseStatus").GetString());
        Assert.Empty((await handler.GetJsonAsync($"/api/cases/{caseId}/tasks")).EnumerateArray());
    }

    [Fact]
    public async Task Completing_before_accepting_is_refused_with_the_actions_the_status_allows()
    {
        var dispatcher = await SignInAsync("dispatcher", "Dispatcher#2026");
        var handler = await SignInAsync("lead-handler");
        var taskId = Assert.Single((await handler.GetJsonAsync($"/api/cases/{caseId}/tasks")).EnumerateArray()).GetProperty("id").GetString();

        var response = await handler.PostAsync($"/api/cases/{caseId}/tasks/{taskId}/complete", new { result = "已处理" });

        var problem = await CaseApiClient.ExpectAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("allowed now: accept", problem.GetProperty("detail").GetString());
        // The dispatcher sees the case but the handling task is not theirs.
        var notTheirs = await dispatcher.PostAsync($"/api/cases/{caseId}/tasks/{taskId}/accept", new { });
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
    }

    [Fact]
    public async Task A_handler_of_another_department_does_not_find_the_case_or_its_tasks()
    {
        var other = await SignInAsync("other-handler");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{caseId}/tasks")).StatusCode);
        Assert.Empty((await other.GetJsonAsync("/api/tasks")).EnumerateArray());
    }

    private async Task<TaskApi> SignInAsync(string userName, string password = "Handler#2026x")
    {
        var client = new PortalClient(host);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(userName, password)).StatusCode);
        return new TaskApi(new CaseApiClient(client.Http), client.Http);
    }

    private async Task<JsonElement> ActAsync(TaskApi api, string? taskId, string action, object body, HttpStatusCode expected) =>
        await CaseApiClient.ExpectAsync(await api.PostAsync($"/api/cases/{caseId}/tasks/{taskId}/{action}", body), expected);

    private async Task CreateUserAsync(string userName, string role, string areaId, string departmentId)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CityUser>>();
        var user = new CityUser { UserName = userName, DisplayName = userName, AreaId = areaId, DepartmentId = departmentId };
        Assert.True((await users.CreateAsync(user, "Handler#2026x")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    /// <summary>A signed-in session: the case API's reads plus posts of task actions.</summary>
    private sealed record TaskApi(CaseApiClient Cases, HttpClient Http)
    {
        public Task<JsonElement> FileAsync(object report, HttpStatusCode expected) => Cases.FileAsync(report, expected);

        public Task<JsonElement> GetJsonAsync(string path) => Cases.GetJsonAsync(path);

        public Task<HttpResponseMessage> GetAsync(string path) => Cases.GetAsync(path);

        public Task<HttpResponseMessage> PostAsync(string path, object body) => Http.PostAsJsonAsync(path, body);
    }
}
