using System.Net;
using System.Text.Json;
using static CityOps.Flow.Web.Tests.Lifecycle.CaseDesk;

namespace CityOps.Flow.Web.Tests.Lifecycle;

/// <summary>
/// Every branch of workflows/case-lifecycle.bpmn driven through the real host over HTTP on the test clock, asserting
/// what the people involved see: the case through <c>GET /api/cases/{id}</c>, the tasks in their groups' lists, due
/// times and notices. Run on SQLite and, when a server is named, on PostgreSQL (the subclasses).
/// Each test has its own host, database and clock, starting on Monday 2 March 2026 at 09:00 in Shanghai.
/// </summary>
public abstract partial class LifecycleScenarios : IAsyncLifetime
{
    private LifecycleHost host = null!;

    protected abstract LifecycleStore Store { get; }

    protected CaseDesk Desk { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        host = await LifecycleHost.StartAsync(Store);
        Desk = new CaseDesk(host);
        await Desk.SignInAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    protected async Task Automatic_dispatch_to_close()
    {
        var filed = await Desk.ReportAsync("lamp-auto");
        var caseView = filed.GetProperty("case");
        var caseId = filed.GetProperty("caseId").GetString()!;
        var number = filed.GetProperty("caseNumber").GetString()!;

        Assert.Equal("Dispatched", Status(caseView));
        Assert.Equal("dept-construction", Lead(caseView));
        // P2D from a Monday morning: the close of Wednesday.
        Assert.Equal(March(4, 17, 30), Due(caseView));
        var construction = await Desk.HandlerOfAsync("dept-construction");
        var inbox = Assert.Single(await InboxAsync(construction, number));
        Assert.Equal("HandleCase", inbox.GetProperty("elementId").GetString());
        Assert.Equal(March(4, 17, 30), inbox.GetProperty("dueDate").GetDateTimeOffset());
        Assert.Empty(await InboxAsync(await Desk.HandlerOfAsync("dept-water"), number));
        Assert.Empty(await InboxAsync(Desk.StreetDispatcher, number));

        await ActAsync(construction, caseId, "HandleCase", "accept");
        Assert.Equal("Handling", Status(await Desk.CaseAsync(caseId)));
        await ActAsync(construction, caseId, "HandleCase", "complete", new { result = "更换灯泡" });
        Assert.Equal("AwaitingReview", Status(await Desk.CaseAsync(caseId)));
        Assert.Equal(["ReviewResult"], await TasksAsync(Desk.StreetDispatcher, caseId));
        await ActAsync(Desk.StreetDispatcher, caseId, "ReviewResult", "review", new { outcome = "accept" });
        Assert.Equal("AwaitingCallback", Status(await Desk.CaseAsync(caseId)));
        await ActAsync(Desk.Operator, caseId, "CallBack", "callback", new { outcome = "satisfied" });

        var closed = await Desk.CaseAsync(caseId);
        Assert.Equal("Closed", Status(closed));
        Assert.Equal(LifecycleHost.Monday, closed.GetProperty("closedAt").GetDateTimeOffset());
        Assert.Empty(await InboxAsync(construction, number));
        Assert.Empty(await Desk.NoticesAsync(closed));
    }

    protected async Task Dispatcher_filing_sets_the_lead_and_the_due_time()
    {
        var filed = await Desk.ReportAsync("dispute-filing", category: "E9003");
        var caseId = filed.GetProperty("caseId").GetString()!;
        var number = filed.GetProperty("caseNumber").GetString()!;
        Assert.Null(Due(filed.GetProperty("case")));
        var file = Assert.Single(await InboxAsync(Desk.StreetDispatcher, number));
        Assert.Equal("FileCase", file.GetProperty("elementId").GetString());
        Assert.Contains($"dispatch:{StreetA}", file.GetProperty("candidateGroups").EnumerateArray().Select(g => g.GetString()));
        await Desk.MoveClockAsync(new { advanceBy = "PT1H" });

        await ActAsync(Desk.StreetDispatcher, caseId, "FileCase", "file", new { department = "310199001-office" });

        var dispatched = await Desk.CaseAsync(caseId);
        Assert.Equal("Dispatched", Status(dispatched));
        Assert.Equal("310199001-office", Lead(dispatched));
        // P5D counted from the filing on Monday: the close of the fifth working day after it, the next Monday.
        Assert.Equal(March(9, 17, 30), Due(dispatched));
        var office = await Desk.HandlerOfAsync("310199001-office");
        var handle = Assert.Single(await InboxAsync(office, number));
        Assert.Equal(Due(dispatched), handle.GetProperty("dueDate").GetDateTimeOffset());
        Assert.Empty(await InboxAsync(Desk.StreetDispatcher, number));
    }

    protected async Task Three_returns_reach_the_district_centre()
    {
        var filed = await Desk.ReportAsync("lamp-returns");
        var caseId = filed.GetProperty("caseId").GetString()!;
        var number = filed.GetProperty("caseNumber").GetString()!;
        var due = Due(filed.GetProperty("case"));
        var construction = await Desk.HandlerOfAsync("dept-construction");
        var greening = await Desk.HandlerOfAsync("dept-greening");
        var office = await Desk.HandlerOfAsync("310199001-office");

        await ActAsync(construction, caseId, "HandleCase", "return", new { reason = "灯在公园里，归绿化" });
        var returned = await Desk.CaseAsync(caseId);
        Assert.Equal("Filed", Status(returned));
        Assert.Equal(["FileCase"], await TasksAsync(Desk.StreetDispatcher, caseId));
        await ActAsync(Desk.StreetDispatcher, caseId, "FileCase", "file", new { department = "dept-greening" });
        Assert.Equal("dept-greening", Lead(await Desk.CaseAsync(caseId)));
        await ActAsync(greening, caseId, "HandleCase", "return", new { reason = "公园路灯由街道负责" });
        await ActAsync(Desk.StreetDispatcher, caseId, "FileCase", "file", new { department = "310199001-office" });
        await ActAsync(office, caseId, "HandleCase", "return", new { reason = "供电故障，不是灯的问题" });

        // The third return is for the district centre, not the street.
        Assert.Empty(await InboxAsync(Desk.StreetDispatcher, number));
        var decide = Assert.Single(await InboxAsync(Desk.DistrictDispatcher, number));
        Assert.Equal("DistrictDecides", decide.GetProperty("elementId").GetString());
        Assert.Equal("Filed", Status(await Desk.CaseAsync(caseId)));
        await ActAsync(Desk.DistrictDispatcher, caseId, "DistrictDecides", "file", new { department = "dept-power" });

        var decided = await Desk.CaseAsync(caseId);
        Assert.Equal("Dispatched", Status(decided));
        Assert.Equal("dept-power", Lead(decided));
        Assert.Equal(due, Due(decided));
        Assert.Equal(["HandleCase"], await TasksAsync(await Desk.HandlerOfAsync("dept-power"), caseId));
        Assert.Empty(await TasksAsync(construction, caseId));
    }

    protected async Task Joint_handling_in_parallel_then_the_lead_finalises()
    {
        var filed = await Desk.ReportAsync("lamp-joint");
        var caseId = filed.GetProperty("caseId").GetString()!;
        var number = filed.GetProperty("caseNumber").GetString()!;
        var construction = await Desk.HandlerOfAsync("dept-construction");
        var water = await Desk.HandlerOfAsync("dept-water");
        var power = await Desk.HandlerOfAsync("dept-power");
        await ActAsync(construction, caseId, "HandleCase", "accept");

        await ActAsync(construction, caseId, "HandleCase", "assistance", new { departments = new[] { "dept-water", "dept-power" } });

        Assert.Equal("JointHandling", Status(await Desk.CaseAsync(caseId)));
        Assert.Equal("AssistCase", Assert.Single(await InboxAsync(water, number)).GetProperty("elementId").GetString());
        Assert.Equal("AssistCase", Assert.Single(await InboxAsync(power, number)).GetProperty("elementId").GetString());
        Assert.Empty(await InboxAsync(construction, number));
        await ActAsync(power, caseId, "AssistCase", "assisted", new { result = "已断电检修" });
        // One part done: the lead still waits for the other.
        Assert.Empty(await InboxAsync(construction, number));
        Assert.Equal(["AssistCase"], await TasksAsync(water, caseId));
        await ActAsync(water, caseId, "AssistCase", "assisted", new { result = "积水已排" });

        var finalise = Assert.Single(await InboxAsync(construction, number));
        Assert.Equal("FinaliseCase", finalise.GetProperty("elementId").GetString());
        Assert.Equal(March(4, 17, 30), finalise.GetProperty("dueDate").GetDateTimeOffset());
        await ActAsync(construction, caseId, "FinaliseCase", "complete", new { result = "三方联合处置完毕" });
        Assert.Equal("AwaitingReview", Status(await Desk.CaseAsync(caseId)));
        Assert.Equal(["ReviewResult"], await TasksAsync(Desk.StreetDispatcher, caseId));
    }

    protected async Task Duplicate_reports_join_the_open_case()
    {
        var first = await Desk.ReportAsync("lamp-dup-1");
        var caseId = first.GetProperty("caseId").GetString()!;

        // About 20 metres away, same category, an hour later: the same lamp (多人一诉).
        await Desk.MoveClockAsync(new { advanceBy = "PT1H" });
        var second = await Desk.ReportAsync("lamp-dup-2", latitude: StreetALatitude + 0.00018, expected: HttpStatusCode.OK);
        var third = await Desk.ReportAsync("lamp-dup-3", latitude: StreetALatitude - 0.00018, channel: "app", expected: HttpStatusCode.OK);
        var elsewhere = await Desk.ReportAsync("lamp-dup-far", latitude: StreetALatitude + 0.02);

        Assert.Equal("joined", second.GetProperty("outcome").GetString());
        Assert.Equal(caseId, second.GetProperty("caseId").GetString());
        Assert.Equal(caseId, third.GetProperty("caseId").GetString());
        Assert.NotEqual(caseId, elsewhere.GetProperty("caseId").GetString());
        var joined = await Desk.CaseAsync(caseId);
        Assert.Equal(3, joined.GetProperty("clusterSize").GetInt32());
        Assert.Equal(1, (await Desk.CaseAsync(elsewhere.GetProperty("caseId").GetString()!)).GetProperty("clusterSize").GetInt32());
        // The lifecycle learns the cluster size from intake's background sync, which follows within moments.
        var instancePath = $"/api/workflows/instances/{joined.GetProperty("processInstanceId").GetString()}";
        var told = 0;
        for (var attempt = 0; attempt < 50 && told != 3; attempt++)
        {
            told = (await Desk.Admin.GetJsonAsync(instancePath)).GetProperty("variables").GetProperty("clusterSize").GetInt32();
            if (told != 3)
            {
                await Task.Delay(100);
            }
        }

        Assert.Equal(3, told);
        // One case, one task for the department, however many people reported it.
        Assert.Single(await InboxAsync(await Desk.HandlerOfAsync("dept-construction"), joined.GetProperty("number").GetString()!));
    }

    private static string Id(JsonElement filed) => filed.GetProperty("caseId").GetString()!;
}
