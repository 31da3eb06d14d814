using System.Net;
using System.Text.Json;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using static CityOps.Flow.Web.Tests.Lifecycle.CaseDesk;

namespace CityOps.Flow.Web.Tests.Lifecycle;

public abstract partial class LifecycleScenarios
{
    protected async Task Leader_assigns_a_case_in_handling_to_another_department()
    {
        var filed = await Desk.ReportAsync("lamp-assign");
        var caseId = Id(filed);
        var number = filed.GetProperty("caseNumber").GetString()!;
        var construction = await Desk.HandlerOfAsync("dept-construction");
        await ActAsync(construction, caseId, "HandleCase", "accept");
        await ActAsync(construction, caseId, "HandleCase", "assistance", new { departments = new[] { "dept-water" } });

        var byHandler = await construction.PostAsync($"/api/cases/{caseId}/assignment", new { department = "dept-power" });
        var unknown = await Desk.Leader.PostAsync($"/api/cases/{caseId}/assignment", new { department = "dept-nowhere" });
        var assigned = await Desk.Leader.PostJsonAsync($"/api/cases/{caseId}/assignment", new { department = "dept-power", note = "供电局牵头" });

        Assert.Equal(HttpStatusCode.Forbidden, byHandler.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("dept-nowhere", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Dispatched", Status(assigned));
        Assert.Equal("dept-power", Lead(assigned));
        Assert.Equal(March(4, 17, 30), Due(assigned));
        // The earlier lead's and the assisting department's tasks are gone; the new lead has the case, due as before.
        Assert.Empty(await InboxAsync(construction, number));
        Assert.Empty(await InboxAsync(await Desk.HandlerOfAsync("dept-water"), number));
        var power = await Desk.HandlerOfAsync("dept-power");
        var handle = Assert.Single(await InboxAsync(power, number));
        Assert.Equal("HandleCase", handle.GetProperty("elementId").GetString());
        Assert.Equal(March(4, 17, 30), handle.GetProperty("dueDate").GetDateTimeOffset());
        var again = await Desk.Leader.PostAsync($"/api/cases/{caseId}/assignment", new { department = "dept-power" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already led by dept-power", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var audit = await Desk.Host.Services.GetRequiredService<SqlAuditLog>().ForSubjectAsync("case", caseId);
        var entry = Assert.Single(audit, e => e.Action == "case.assigned");
        Assert.Equal(Desk.LeaderId, entry.ActorUserId);
        Assert.Contains(CityRoles.Leader, entry.ActorRoles);
        Assert.Contains("dept-construction", entry.DetailsJson, StringComparison.Ordinal);
        Assert.Contains("dept-power", entry.DetailsJson, StringComparison.Ordinal);

        await ActAsync(power, caseId, "HandleCase", "accept");
        Assert.Equal("Handling", Status(await Desk.CaseAsync(caseId)));
    }

    protected async Task Leader_assigns_a_case_waiting_for_the_dispatcher()
    {
        var filed = await Desk.ReportAsync("dispute-assign", category: "E9003");
        var caseId = Id(filed);
        var number = filed.GetProperty("caseNumber").GetString()!;
        Assert.Single(await InboxAsync(Desk.StreetDispatcher, number));

        var assigned = await Desk.Leader.PostJsonAsync($"/api/cases/{caseId}/assignment", new { department = "dept-housing" });

        Assert.Equal("Dispatched", Status(assigned));
        Assert.Equal("dept-housing", Lead(assigned));
        Assert.Equal(March(9, 17, 30), Due(assigned));
        Assert.Empty(await InboxAsync(Desk.StreetDispatcher, number));
        Assert.Equal("HandleCase", Assert.Single(await InboxAsync(await Desk.HandlerOfAsync("dept-housing"), number)).GetProperty("elementId").GetString());
    }

    protected async Task A_closed_case_cannot_be_assigned_or_marked()
    {
        var filed = await Desk.ReportAsync("lamp-closed");
        var caseId = Id(filed);
        await Desk.HandleAndReviewAsync(caseId, "dept-construction");
        await ActAsync(Desk.Operator, caseId, "CallBack", "callback", new { outcome = "satisfied" });

        var assign = await Desk.Leader.PostAsync($"/api/cases/{caseId}/assignment", new { department = "dept-power" });
        var key = await Desk.Leader.PostAsync($"/api/cases/{caseId}/key", new { key = true });

        Assert.Equal(HttpStatusCode.Conflict, assign.StatusCode);
        Assert.Contains("cannot assign a case that is closed", await assign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, key.StatusCode);
        Assert.Contains("closed", await key.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unchanged = await Desk.CaseAsync(caseId);
        Assert.Equal("dept-construction", Lead(unchanged));
        Assert.False(unchanged.GetProperty("isKeyCase").GetBoolean());
    }

    protected async Task Leader_files_an_assigned_key_report_at_intake()
    {
        var now = await Desk.NowAsync();
        var report = Report("leader-intake", "E9003", StreetALatitude, StreetALongitude, "hotline", now);

        var byOperator = await Desk.Operator.PostAsync("/api/intake/assignments", new { report, department = "310199001-office" });
        var answer = await Desk.Leader.PostJsonAsync("/api/intake/assignments", new { report, department = "310199001-office", keyCase = true }, HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
        var caseView = answer.GetProperty("case");
        var caseId = answer.GetProperty("caseId").GetString()!;
        Assert.Equal("Dispatched", Status(caseView));
        Assert.Equal("310199001-office", Lead(caseView));
        Assert.True(caseView.GetProperty("isKeyCase").GetBoolean());
        Assert.Equal(March(9, 17, 30), Due(caseView));
        Assert.Empty(await TasksAsync(Desk.StreetDispatcher, caseId));
        Assert.Equal(["HandleCase"], await TasksAsync(await Desk.HandlerOfAsync("310199001-office"), caseId));
        var audit = await Desk.Host.Services.GetRequiredService<SqlAuditLog>().ForSubjectAsync("case", caseId);
        Assert.Contains(audit, e => e.Action == "case.assigned");
        Assert.Contains(audit, e => e.Action == "case.key_case_marked");
    }

    protected async Task A_key_case_tells_its_leader_of_every_notice_until_the_mark_is_cleared()
    {
        var filed = await Desk.ReportAsync("lamp-key");
        var caseId = Id(filed);
        var leader = $"leader:{Desk.LeaderId}";

        var marked = await Desk.Leader.PostJsonAsync($"/api/cases/{caseId}/key", new { key = true, note = "群众反映强烈" });
        Assert.True(marked.GetProperty("isKeyCase").GetBoolean());
        await Desk.SetClockAsync(March(3, 14, 1));
        var yellow = Assert.Single(await Desk.NoticesAsync(marked));
        Assert.Contains(leader, yellow.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));

        var cleared = await Desk.Leader.PostJsonAsync($"/api/cases/{caseId}/key", new { key = false });
        Assert.False(cleared.GetProperty("isKeyCase").GetBoolean());
        await Desk.SetClockAsync(March(4, 10, 46));
        var orange = (await Desk.NoticesAsync(cleared))[^1];
        Assert.Equal("orange", orange.GetProperty("tier").GetString());
        Assert.DoesNotContain(leader, orange.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));

        var audit = await Desk.Host.Services.GetRequiredService<SqlAuditLog>().ForSubjectAsync("case", caseId);
        Assert.Equal(2, audit.Count(e => e.Action == "case.key_case_marked" && e.ActorUserId == Desk.LeaderId));
    }

    protected async Task A_street_leader_cannot_reach_a_case_of_another_street()
    {
        var inB = await Desk.ReportAsync("lamp-street-b", latitude: StreetBLatitude, longitude: StreetBLongitude);
        Assert.Equal(StreetB, inB.GetProperty("case").GetProperty("streetId").GetString());
        await Desk.Host.CreateUserAsync("street-a-leader", CityRoles.Leader, StreetA);
        var streetLeader = await Desk.Host.SignInAsync("street-a-leader");

        var assign = await streetLeader.PostAsync($"/api/cases/{Id(inB)}/assignment", new { department = "dept-power" });
        var key = await streetLeader.PostAsync($"/api/cases/{Id(inB)}/key", new { key = true });

        Assert.Equal(HttpStatusCode.NotFound, assign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, key.StatusCode);
        var untouched = await Desk.CaseAsync(Id(inB));
        Assert.NotEqual("dept-power", Lead(untouched));
        Assert.False(untouched.GetProperty("isKeyCase").GetBoolean());
    }
}
