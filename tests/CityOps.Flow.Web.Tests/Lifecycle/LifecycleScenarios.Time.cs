using System.Text.Json;
using static CityOps.Flow.Web.Tests.Lifecycle.CaseDesk;

namespace CityOps.Flow.Web.Tests.Lifecycle;

public abstract partial class LifecycleScenarios
{
    protected async Task Extension_approved_moves_the_due_time()
    {
        var filed = await Desk.ReportAsync("lamp-extend-yes");
        var caseId = Id(filed);
        var number = filed.GetProperty("caseNumber").GetString()!;
        var construction = await Desk.HandlerOfAsync("dept-construction");
        await ActAsync(construction, caseId, "HandleCase", "accept");

        await ActAsync(construction, caseId, "HandleCase", "extension", new { limit = "P2D", reason = "灯杆需订货" });

        var decide = Assert.Single(await InboxAsync(Desk.Supervisor, number));
        Assert.Equal("DecideExtension", decide.GetProperty("elementId").GetString());
        Assert.Empty(await InboxAsync(construction, number));
        Assert.Equal(March(4, 17, 30), Due(await Desk.CaseAsync(caseId)));
        await ActAsync(Desk.Supervisor, caseId, "DecideExtension", "decide", new { outcome = "approve", reason = "合理" });

        // Two more working days after Wednesday's close: Friday's.
        var extended = await Desk.CaseAsync(caseId);
        Assert.Equal(March(6, 17, 30), Due(extended));
        Assert.Equal("Handling", Status(extended));
        var back = Assert.Single(await InboxAsync(construction, number));
        Assert.Equal("HandleCase", back.GetProperty("elementId").GetString());
        Assert.Equal(March(6, 17, 30), back.GetProperty("dueDate").GetDateTimeOffset());

        // Past the old due time nothing is overdue any more.
        await Desk.SetClockAsync(March(4, 17, 45));
        Assert.DoesNotContain(await Desk.NoticesAsync(extended), n => n.GetProperty("tier").GetString() == "overdue");
    }

    protected async Task Extension_denied_keeps_the_due_time()
    {
        var filed = await Desk.ReportAsync("lamp-extend-no");
        var caseId = Id(filed);
        var construction = await Desk.HandlerOfAsync("dept-construction");
        await ActAsync(construction, caseId, "HandleCase", "accept");
        await ActAsync(construction, caseId, "HandleCase", "extension", new { limit = "P2D", reason = "人手不够" });

        await ActAsync(Desk.Supervisor, caseId, "DecideExtension", "decide", new { outcome = "deny", reason = "仓库有备件" });

        var denied = await Desk.CaseAsync(caseId);
        Assert.Equal(March(4, 17, 30), Due(denied));
        Assert.Equal("Handling", Status(denied));
        Assert.Equal(["HandleCase"], await TasksAsync(construction, caseId));
        Assert.Empty(await TasksAsync(Desk.Supervisor, caseId));
    }

    /// <summary>
    /// A P2D lamp dispatched on Monday at 09:00 is due on Wednesday at 17:30: 21 working hours. The checkpoints fall at
    /// Monday 15:45 (25 %), Tuesday 14:00 (50 %), Wednesday 10:45 (75 %), Wednesday 15:24 (90 %) and Wednesday 17:30.
    /// </summary>
    protected async Task Warning_tiers_rise_in_working_time_and_escalate_when_overdue()
    {
        var filed = await Desk.ReportAsync("lamp-warnings");
        var caseId = Id(filed);
        var construction = await Desk.HandlerOfAsync("dept-construction");
        await ActAsync(construction, caseId, "HandleCase", "accept");

        async Task<IReadOnlyList<string>> TiersAt(DateTimeOffset at)
        {
            await Desk.SetClockAsync(at);
            return [.. (await Desk.NoticesAsync(await Desk.CaseAsync(caseId))).Select(n => n.GetProperty("tier").GetString()!)];
        }

        // 25 %: the ordinary table warns from half the limit.
        Assert.Empty(await TiersAt(March(2, 16, 0)));
        // Monday evening and night are not working time: still below half at Tuesday 08:59.
        Assert.Empty(await TiersAt(March(3, 8, 59)));
        Assert.Empty(await TiersAt(March(3, 13, 59)));
        Assert.Equal(["yellow"], await TiersAt(March(3, 14, 1)));
        Assert.Equal(["yellow"], await TiersAt(March(4, 10, 44)));
        Assert.Equal(["yellow", "orange"], await TiersAt(March(4, 10, 46)));
        Assert.Equal(["yellow", "orange", "red"], await TiersAt(March(4, 15, 30)));
        Assert.Equal(["yellow", "orange", "red", "overdue"], await TiersAt(March(4, 17, 31)));

        var overdue = await Desk.CaseAsync(caseId);
        var notices = await Desk.NoticesAsync(overdue);
        Assert.True(notices[^1].GetProperty("supervise").GetBoolean(), "the overdue notice is a supervision notice (督办)");
        Assert.All(notices.Take(3), n => Assert.False(n.GetProperty("supervise").GetBoolean()));
        Assert.All(notices, n => Assert.NotEmpty(n.GetProperty("recipients").EnumerateArray()));
        // The 督办 notice is on the case for everyone who may see it, sent to the lead department, by the system.
        var stored = (await Desk.Operator.GetJsonAsync($"/api/cases/{caseId}/supervision-notices")).EnumerateArray().ToList();
        var supervision = Assert.Single(stored);
        Assert.Equal("Overdue", supervision.GetProperty("tier").GetString());
        Assert.Equal("dept-construction", supervision.GetProperty("departmentId").GetString());
        Assert.True(supervision.GetProperty("bySystem").GetBoolean());
        Assert.Equal(March(4, 17, 31), supervision.GetProperty("issuedAt").GetDateTimeOffset());
        // Whom it told, as the escalation table named them: pages name them in the reader's language.
        Assert.Equal(
            notices[^1].GetProperty("recipients").EnumerateArray().Select(r => r.GetString()),
            supervision.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        Assert.StartsWith("系统督办，已通知承办人、科室负责人", supervision.GetProperty("message").GetString());
        Assert.Single((await construction.GetJsonAsync($"/api/cases/{caseId}/supervision-notices")).EnumerateArray());
        // Escalation does not stop the work: the department still holds the task, and the case is still theirs.
        Assert.Equal("Handling", Status(overdue));
        Assert.Equal(["HandleCase"], await TasksAsync(construction, caseId));
        // Days later nothing new is sent: a tier is told once.
        Assert.Equal(4, (await TiersAt(March(9, 10, 0))).Count);
    }

    protected async Task Callback_silence_for_three_working_days_closes_the_case()
    {
        var filed = await Desk.ReportAsync("lamp-silence");
        var caseId = Id(filed);
        await Desk.HandleAndReviewAsync(caseId, "dept-construction");
        Assert.Equal("AwaitingCallback", Status(await Desk.CaseAsync(caseId)));
        Assert.Equal(["CallBack"], await TasksAsync(Desk.Operator, caseId));

        // Accepted on Monday: three working days end at Thursday's close.
        await Desk.SetClockAsync(March(5, 17, 0));
        Assert.Equal("AwaitingCallback", Status(await Desk.CaseAsync(caseId)));
        await Desk.SetClockAsync(March(5, 17, 31));

        var closed = await Desk.CaseAsync(caseId);
        Assert.Equal("Closed", Status(closed));
        Assert.Equal(March(5, 17, 31), closed.GetProperty("closedAt").GetDateTimeOffset());
        Assert.Empty(await TasksAsync(Desk.Operator, caseId));
        var instance = await Desk.Admin.GetJsonAsync($"/api/workflows/instances/{closed.GetProperty("processInstanceId").GetString()}");
        Assert.Equal("no objection", instance.GetProperty("variables").GetProperty("satisfaction").GetString());
    }
}
