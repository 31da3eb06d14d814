using static CityOps.Flow.Web.Tests.Lifecycle.CaseDesk;

namespace CityOps.Flow.Web.Tests.Lifecycle;

public abstract partial class LifecycleScenarios
{
    protected async Task Review_sends_the_result_back_to_the_lead()
    {
        var filed = await Desk.ReportAsync("lamp-sendback");
        var caseId = Id(filed);
        var number = filed.GetProperty("caseNumber").GetString()!;
        var construction = await Desk.HandlerOfAsync("dept-construction");
        await ActAsync(construction, caseId, "HandleCase", "accept");
        await ActAsync(construction, caseId, "HandleCase", "complete", new { result = "已处理" });

        var refused = await Desk.StreetDispatcher.PostAsync(
            $"/api/cases/{caseId}/tasks/{(await InboxAsync(Desk.StreetDispatcher, number))[0].GetProperty("id").GetString()}/review",
            new { outcome = "sendBack" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("reason", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await ActAsync(Desk.StreetDispatcher, caseId, "ReviewResult", "review", new { outcome = "sendBack", reason = "照片显示灯仍不亮" });

        var sentBack = await Desk.CaseAsync(caseId);
        Assert.Equal("Handling", Status(sentBack));
        Assert.Equal("dept-construction", Lead(sentBack));
        Assert.Equal(March(4, 17, 30), Due(sentBack));
        Assert.Equal("HandleCase", Assert.Single(await InboxAsync(construction, number)).GetProperty("elementId").GetString());
        Assert.Empty(await InboxAsync(Desk.StreetDispatcher, number));

        await ActAsync(construction, caseId, "HandleCase", "complete", new { result = "更换整套灯具" });
        await ActAsync(Desk.StreetDispatcher, caseId, "ReviewResult", "review", new { outcome = "accept" });
        Assert.Equal("AwaitingCallback", Status(await Desk.CaseAsync(caseId)));
    }

    protected async Task Dissatisfied_citizen_reopens_once()
    {
        var filed = await Desk.ReportAsync("lamp-reopen");
        var caseId = Id(filed);
        var number = filed.GetProperty("caseNumber").GetString()!;
        await Desk.HandleAndReviewAsync(caseId, "dept-construction");
        await Desk.SetClockAsync(March(3, 10, 0));

        await ActAsync(Desk.Operator, caseId, "CallBack", "callback", new { outcome = "dissatisfied" });

        // Back with the same department, with a fresh limit counted from the reopening on Tuesday: Thursday's close.
        var reopened = await Desk.CaseAsync(caseId);
        Assert.Equal("Dispatched", Status(reopened));
        Assert.Equal("dept-construction", Lead(reopened));
        Assert.Equal(March(5, 17, 30), Due(reopened));
        Assert.Equal(JsonNull, reopened.GetProperty("closedAt").ValueKind);
        var construction = await Desk.HandlerOfAsync("dept-construction");
        var again = Assert.Single(await InboxAsync(construction, number));
        Assert.Equal("HandleCase", again.GetProperty("elementId").GetString());
        Assert.Equal(March(5, 17, 30), again.GetProperty("dueDate").GetDateTimeOffset());

        await Desk.HandleAndReviewAsync(caseId, "dept-construction");
        await ActAsync(Desk.Operator, caseId, "CallBack", "callback", new { outcome = "dissatisfied" });

        // A second dissatisfaction closes the case; it is on record, not reopened again.
        var closed = await Desk.CaseAsync(caseId);
        Assert.Equal("Closed", Status(closed));
        Assert.Empty(await InboxAsync(construction, number));
        var instance = await Desk.Admin.GetJsonAsync($"/api/workflows/instances/{closed.GetProperty("processInstanceId").GetString()}");
        Assert.Equal("dissatisfied", instance.GetProperty("variables").GetProperty("satisfaction").GetString());
        Assert.Equal(1, instance.GetProperty("variables").GetProperty("reopenCount").GetInt32());
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}
