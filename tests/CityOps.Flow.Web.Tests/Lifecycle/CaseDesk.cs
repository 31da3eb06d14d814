using System.Net;
using System.Text.Json;
using CityOps.Flow.Web.Identity;

namespace CityOps.Flow.Web.Tests.Lifecycle;

/// <summary>
/// The people of a city operations centre at work on one host, each signed in over HTTP: the hotline operator (also
/// the callback desk), the district centre's dispatcher, a dispatcher of Pujiang Street (street A), a supervisor, a
/// leader, an administrator (who moves the test clock), and one handler per department as a case needs them.
/// Everything here goes through the public API; the helpers only save repeating its calls.
/// </summary>
public sealed class CaseDesk(LifecycleHost host)
{
    /// <summary>Jiangyue Community (江月社区) of Pujiang Street (310199001), street A.</summary>
    public const double StreetALatitude = 31.052;
    public const double StreetALongitude = 121.579;
    public const string StreetA = "310199001";

    /// <summary>A community of street 310199002, street B.</summary>
    public const double StreetBLatitude = 31.0832;
    public const double StreetBLongitude = 121.5668;
    public const string StreetB = "310199002";

    private readonly Dictionary<string, ApiSession> handlers = [];

    public LifecycleHost Host => host;

    public ApiSession Operator { get; private set; } = null!;

    public ApiSession DistrictDispatcher { get; private set; } = null!;

    public ApiSession StreetDispatcher { get; private set; } = null!;

    public ApiSession Supervisor { get; private set; } = null!;

    public ApiSession Leader { get; private set; } = null!;

    public ApiSession Admin { get; private set; } = null!;

    public string LeaderId { get; private set; } = "";

    public async Task SignInAsync()
    {
        Operator = await host.SignInAsync("operator", "Operator#2026");
        DistrictDispatcher = await host.SignInAsync("dispatcher", "Dispatcher#2026");
        Supervisor = await host.SignInAsync("supervisor", "Supervisor#2026");
        Leader = await host.SignInAsync("leader", "Leader#2026");
        Admin = await host.SignInAsync("admin", "Admin#2026");
        await host.CreateUserAsync("street-a-dispatcher", CityRoles.Dispatcher, StreetA);
        StreetDispatcher = await host.SignInAsync("street-a-dispatcher");
        LeaderId = await host.UserIdAsync("leader");
    }

    /// <summary>A handler of the department, created the first time the department is needed.</summary>
    public async Task<ApiSession> HandlerOfAsync(string department)
    {
        if (!handlers.TryGetValue(department, out var session))
        {
            await host.CreateUserAsync("handler-" + department, CityRoles.Handler, StreetA, department);
            session = handlers[department] = await host.SignInAsync("handler-" + department);
        }

        return session;
    }

    public async Task<DateTimeOffset> NowAsync() => (await Admin.GetJsonAsync("/api/testing/clock")).GetProperty("now").GetDateTimeOffset();

    /// <summary>Moves the test clock and waits until every timer it made due has fired.</summary>
    public async Task<JsonElement> MoveClockAsync(object move)
    {
        var moved = await Admin.PostJsonAsync("/api/testing/clock", move);
        Assert.False(moved.GetProperty("dueJobsLeft").GetBoolean(), $"timers still due after moving the clock: {moved}");
        return moved;
    }

    public Task<JsonElement> SetClockAsync(DateTimeOffset to) => MoveClockAsync(new { setTo = to });

    /// <summary>A report through the intake API as the hotline operator files it, happening ten minutes before now on the test clock.</summary>
    public async Task<JsonElement> ReportAsync(
        string sourceId, string category = "0109", double latitude = StreetALatitude, double longitude = StreetALongitude,
        string channel = "hotline", HttpStatusCode expected = HttpStatusCode.Created)
    {
        var now = await NowAsync();
        return await Operator.PostJsonAsync("/api/intake/reports", Report(sourceId, category, latitude, longitude, channel, now), expected);
    }

    public static Dictionary<string, object?> Report(string sourceId, string category, double latitude, double longitude, string channel, DateTimeOffset now)
    {
        var report = new Dictionary<string, object?>
        {
            ["channel"] = channel,
            ["sourceId"] = sourceId,
            ["categoryCode"] = category,
            ["description"] = category == "0109" ? "路灯不亮，晚上很黑" : "小区物业不处理漏水",
            ["location"] = new { point = new { latitude, longitude }, address = "浦江路 100 号" },
            ["reporter"] = new { name = "张三丰", phone = "138 1234 5678" },
            ["occurredAt"] = now.AddMinutes(-10),
        };
        if (channel == "hotline")
        {
            report["requestKind"] = "complaint";
            report["details"] = new { kind = "hotline", callId = "call-" + sourceId, operatorId = "operator" };
        }

        return report;
    }

    /// <summary>The case as its street's dispatcher sees it through <c>GET /api/cases/{id}</c>.</summary>
    public Task<JsonElement> CaseAsync(string caseId) => Operator.GetJsonAsync($"/api/cases/{caseId}");

    /// <summary>The case's open tasks the user may act on, by BPMN element, as <c>GET /api/cases/{id}/tasks</c> lists them.</summary>
    public static async Task<IReadOnlyList<string>> TasksAsync(ApiSession user, string caseId)
    {
        var response = await user.GetAsync($"/api/cases/{caseId}/tasks");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        var tasks = await ApiSession.ExpectAsync(response, HttpStatusCode.OK);
        return [.. tasks.EnumerateArray().Select(t => t.GetProperty("elementId").GetString()!).Order(StringComparer.Ordinal)];
    }

    /// <summary>The tasks of this case in the user's work list (<c>GET /api/tasks</c>), by BPMN element.</summary>
    public static async Task<IReadOnlyList<JsonElement>> InboxAsync(ApiSession user, string caseNumber) =>
        [.. (await user.GetJsonAsync("/api/tasks")).EnumerateArray().Where(t => t.GetProperty("caseNumber").GetString() == caseNumber)];

    /// <summary>Takes the named action on the user's one open task of that element on the case.</summary>
    public static async Task<JsonElement> ActAsync(
        ApiSession user, string caseId, string element, string action, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var tasks = await user.GetJsonAsync($"/api/cases/{caseId}/tasks");
        var task = Assert.Single(tasks.EnumerateArray(), t => t.GetProperty("elementId").GetString() == element);
        return await user.PostJsonAsync($"/api/cases/{caseId}/tasks/{task.GetProperty("id").GetString()}/{action}", body ?? new { }, expected);
    }

    /// <summary>Lead department accepts and completes, the street dispatcher accepts the result: the case awaits the callback.</summary>
    public async Task HandleAndReviewAsync(string caseId, string lead)
    {
        var handler = await HandlerOfAsync(lead);
        await ActAsync(handler, caseId, "HandleCase", "accept");
        await ActAsync(handler, caseId, "HandleCase", "complete", new { result = "已修复" });
        await ActAsync(StreetDispatcher, caseId, "ReviewResult", "review", new { outcome = "accept" });
    }

    /// <summary>The notices (预警/督办) the case's lifecycle sent, oldest first, from the instance an administrator inspects.</summary>
    public async Task<IReadOnlyList<JsonElement>> NoticesAsync(JsonElement caseView)
    {
        var instance = await Admin.GetJsonAsync($"/api/workflows/instances/{caseView.GetProperty("processInstanceId").GetString()}");
        return instance.GetProperty("variables").TryGetProperty("notices", out var notices) && notices.ValueKind == JsonValueKind.Array
            ? [.. notices.EnumerateArray()]
            : [];
    }

    public static string Status(JsonElement caseView) => caseView.GetProperty("status").GetString()!;

    public static string? Lead(JsonElement caseView) => caseView.GetProperty("leadDepartmentId").GetString();

    public static DateTimeOffset? Due(JsonElement caseView) =>
        caseView.GetProperty("dueAt").ValueKind == JsonValueKind.Null ? null : caseView.GetProperty("dueAt").GetDateTimeOffset();

    public static AngleSharp.Html.Dom.IHtmlDocument ParsePage(string html) => Hosting.PortalClient.Parse(html);

    /// <summary>A local time in Shanghai on a day of March 2026.</summary>
    public static DateTimeOffset March(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(8));
}
