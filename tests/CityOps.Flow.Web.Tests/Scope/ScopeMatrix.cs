using System.Net.Http.Json;
using static CityOps.Flow.Web.Tests.Lifecycle.CaseDesk;
using static CityOps.Flow.Web.Tests.Scope.ScopeExpectation;

namespace CityOps.Flow.Web.Tests.Scope;

/// <summary>
/// Every route of the host and how scope applies to it. A route the host maps that is not listed here fails the
/// matrix test, so whoever adds a route decides here whether it holds case data and how to probe it.
/// </summary>
public static class ScopeMatrix
{
    private const string Format = "{format:regex(^(json|xml)$)}";

    public static IReadOnlyList<RouteRule> Rules { get; } =
    [
        // Not case data.
        RouteRule.Exempt("ANY /health/live", "liveness probe: answers whether the process runs"),
        RouteRule.Exempt("ANY /health/ready", "readiness probe: answers whether the database answers"),
        RouteRule.Exempt("GET /", "the signed-in user's landing page: their role's menu, no case"),
        RouteRule.Exempt("POST /", "form posts to the landing page (Blazor static SSR form handling), no case"),
        RouteRule.Exempt("GET /_framework/opaque-redirect", "framework redirect helper of Blazor forms"),
        RouteRule.Exempt("GET /not-found", "the not-found page"),
        RouteRule.Exempt("POST /not-found", "form posts to the not-found page"),
        RouteRule.Exempt("GET /sign-in", "the sign-in form"),
        RouteRule.Exempt("POST /sign-in", "signing in"),
        RouteRule.Exempt("POST /sign-out", "signing out"),
        RouteRule.Exempt("POST /language", "the caller's language choice"),
        RouteRule.Exempt("GET /api/me", "the caller's own name, roles and language"),
        RouteRule.Exempt("GET /openapi/{documentName}.json", "the API's description, no data"),
        RouteRule.Exempt($"GET /open311/v2/services.{Format}", "the public service catalogue (categories), no case"),
        RouteRule.Exempt($"GET /open311/v2/services/{{code}}.{Format}", "one public service definition, no case"),
        RouteRule.Exempt($"GET /open311/v2/tokens/{{token}}.{Format}", "maps a client's token to its own request id"),
        RouteRule.Exempt($"POST /open311/v2/requests.{Format}", "machine intake under a client app's api_key, answers only with that request's id"),

        // Open311 requests are public by the GeoReport v2 specification; they must carry no personal data.
        new()
        {
            Route = $"GET /open311/v2/requests.{Format}", Expect = PublicWithoutPersonalData,
            Probe = (w, u) => u.Session.GetAsync($"/open311/v2/requests.json?service_request_id={w.CaseBNumber}"),
            Control = w => w.Desk.Operator.GetAsync($"/open311/v2/requests.json?service_request_id={w.CaseBNumber}"),
        },
        new()
        {
            Route = $"GET /open311/v2/requests/{{id}}.{Format}", Expect = PublicWithoutPersonalData,
            Probe = (w, u) => u.Session.GetAsync($"/open311/v2/requests/{w.CaseBNumber}.xml"),
            Control = w => w.Desk.Operator.GetAsync($"/open311/v2/requests/{w.CaseBNumber}.json"),
        },

        // Cases, their tasks and their reporters.
        new()
        {
            Route = "GET /api/cases/", Expect = ListWithoutB,
            Probe = (w, u) => u.Session.GetAsync($"/api/cases?keyword={Uri.EscapeDataString("倒伏")}&pageSize=200"),
            Control = w => w.Desk.Operator.GetAsync($"/api/cases?keyword={Uri.EscapeDataString("倒伏")}"),
        },
        new()
        {
            Route = "GET /api/cases/{id}", Expect = Hidden,
            Probe = (w, u) => u.Session.GetAsync($"/api/cases/{w.CaseB}"),
            Control = w => w.Desk.Operator.GetAsync($"/api/cases/{w.CaseB}"),
        },
        new()
        {
            Route = "GET /api/cases/{id}/tasks/", Expect = Hidden,
            Probe = (w, u) => u.Session.GetAsync($"/api/cases/{w.CaseB}/tasks"),
            Control = w => w.LeadOfB.GetAsync($"/api/cases/{w.CaseB}/tasks"),
        },
        new()
        {
            Route = "POST /api/cases/{id}/tasks/{taskId:guid}/{action}", Expect = Hidden,
            Probe = (w, u) => u.Session.PostAsync($"/api/cases/{w.CaseB}/tasks/{w.TaskB}/claim", new { }),
            Control = w => w.LeadOfB.PostAsync($"/api/cases/{w.CaseB}/tasks/{w.TaskB}/claim", new { }),
        },
        new()
        {
            Route = "POST /api/cases/{id}/reporter/reveal", Expect = Hidden,
            Probe = (w, u) => u.Session.PostAsync($"/api/cases/{w.CaseB}/reporter/reveal"),
            Control = w => w.Desk.Operator.PostAsync($"/api/cases/{w.CaseB}/reporter/reveal"),
        },
        new()
        {
            Route = "POST /api/cases/{id}/assignment", Expect = Hidden,
            Probe = (w, u) => u.Session.PostAsync($"/api/cases/{w.CaseB}/assignment", new { department = "dept-power" }),
            Control = w => w.Desk.Leader.PostAsync($"/api/cases/{w.CaseB}/assignment", new { department = "dept-power" }),
        },
        new()
        {
            Route = "POST /api/cases/{id}/key", Expect = Hidden,
            Probe = (w, u) => u.Session.PostAsync($"/api/cases/{w.CaseB}/key", new { key = true }),
            Control = w => w.Desk.Leader.PostAsync($"/api/cases/{w.CaseB}/key", new { key = true }),
        },
        new()
        {
            Route = "GET /api/tasks", Expect = ListWithoutB,
            Probe = (w, u) => u.Session.GetAsync("/api/tasks"),
            Control = w => w.LeadOfB.GetAsync("/api/tasks"),
        },

        // Intake: a street-A user's report that lands on street B's case learns where it went, not what the case holds.
        new()
        {
            Route = "POST /api/intake/reports", Expect = AnswerWithoutB,
            Probe = async (w, u) => await u.Session.Http.PostAsJsonAsync("/api/intake/reports",
                w.ReportAt($"scope-join-{u.Role}", StreetBLatitude, StreetBLongitude, await w.Desk.NowAsync(), streetB: false)),
            Control = async w => await w.Desk.Operator.Http.PostAsJsonAsync("/api/intake/reports",
                w.ReportAt("scope-join-district", StreetBLatitude, StreetBLongitude, await w.Desk.NowAsync(), streetB: false)),
        },
        new()
        {
            Route = "POST /api/intake/assignments", Expect = Hidden,
            Probe = async (w, u) => await u.Session.Http.PostAsJsonAsync("/api/intake/assignments", new
            {
                report = w.ReportAt($"scope-assign-{u.Role}", StreetBLatitude, StreetBLongitude, await w.Desk.NowAsync(), streetB: false),
                department = "dept-power",
            }),
            Control = async w => await w.Desk.Leader.Http.PostAsJsonAsync("/api/intake/assignments", new
            {
                report = w.ReportAt("scope-assign-district", StreetBLatitude + 0.01, StreetBLongitude, await w.Desk.NowAsync(), streetB: false),
                department = "dept-power",
            }),
        },

        // Gazetteer and machine intake: no case data.
        RouteRule.Exempt("GET /api/addresses/resolve", "places an address text on the map (gazetteer), no case"),
        RouteRule.Exempt("GET /api/addresses/suggestions", "address type-ahead from the gazetteer, no case"),
        RouteRule.Exempt("GET /api/areas/locate", "the street, community and grid of a point, no case"),
        RouteRule.Exempt("POST /api/alarms", "machine intake under a device's api key, answers only about the alarms it posted"),

        // Photos.
        new()
        {
            Route = "POST /api/cases/{id}/attachments/", Expect = Hidden,
            Probe = async (w, u) => await u.Session.Http.PostAsync($"/api/cases/{w.CaseB}/attachments", await PhotoFormAsync(u.Session)),
            Control = async w => await w.LeadOfB.Http.PostAsync($"/api/cases/{w.CaseB}/attachments", await PhotoFormAsync(w.LeadOfB)),
        },
        new()
        {
            Route = "GET /api/cases/{id}/attachments/", Expect = Hidden,
            Probe = (w, u) => u.Session.GetAsync($"/api/cases/{w.CaseB}/attachments"),
            Control = w => w.LeadOfB.GetAsync($"/api/cases/{w.CaseB}/attachments"),
        },
        new()
        {
            Route = "GET /api/cases/{id}/attachments/{attachmentId}", Expect = Hidden,
            Probe = (w, u) => u.Session.GetAsync($"/api/cases/{w.CaseB}/attachments/{w.AttachmentB}"),
            Control = w => w.Desk.Operator.GetAsync($"/api/cases/{w.CaseB}/attachments/{w.AttachmentB}"),
        },

        // Supervision (督办) and KPIs.
        new()
        {
            Route = "GET /api/cases/{id}/supervision-notices/", Expect = Hidden,
            Probe = (w, u) => u.Session.GetAsync($"/api/cases/{w.CaseB}/supervision-notices"),
            Control = w => w.Desk.Operator.GetAsync($"/api/cases/{w.CaseB}/supervision-notices"),
        },
        new()
        {
            Route = "POST /api/cases/{id}/supervision-notices/", Expect = Hidden,
            Probe = (w, u) => u.Session.PostAsync($"/api/cases/{w.CaseB}/supervision-notices", new { message = "请尽快处理" }),
            Control = w => w.Desk.Supervisor.PostAsync($"/api/cases/{w.CaseB}/supervision-notices", new { message = "请尽快处理" }),
        },
        new()
        {
            Route = "GET /api/supervision/board", Expect = ListWithoutB,
            Probe = (w, u) => u.Session.GetAsync("/api/supervision/board"),
            Control = w => w.Desk.Supervisor.GetAsync("/api/supervision/board"),
        },
        new()
        {
            Route = "GET /api/supervision/notices", Expect = ListWithoutB,
            Probe = (w, u) => u.Session.GetAsync("/api/supervision/notices"),
            Control = w => w.Desk.Supervisor.GetAsync("/api/supervision/notices"),
        },
        new()
        {
            Route = "GET /api/supervision/extensions", Expect = ListWithoutB,
            Probe = (w, u) => u.Session.GetAsync("/api/supervision/extensions"),
            Control = w => w.Desk.Supervisor.GetAsync("/api/supervision/extensions"),
        },
        new()
        {
            Route = "POST /api/supervision/extensions/{taskId:guid}", Expect = Hidden,
            Probe = (w, u) => u.Session.PostAsync($"/api/supervision/extensions/{w.ExtensionTaskB}", new { outcome = "approve" }),
            Control = w => w.Desk.Supervisor.PostAsync($"/api/supervision/extensions/{w.ExtensionTaskB}", new { outcome = "approve" }),
        },
        Figures("GET /api/kpi/", w => $"/api/kpi?area={StreetB}"),
        Figures("GET /api/kpi/trend", w => $"/api/kpi/trend?area={StreetB}"),
        Figures("GET /api/kpi/workload", w => $"/api/kpi/workload?area={StreetB}&period=month"),
        new()
        {
            Route = "GET /api/kpi/hotspots", Expect = ListWithoutB,
            Probe = (w, u) => u.Session.GetAsync("/api/kpi/hotspots"),
            Control = w => w.Desk.Operator.GetAsync("/api/kpi/hotspots"),
        },

        // Portal pages and their fragments.
        Page("GET /cases", w => $"/cases?keyword={Uri.EscapeDataString("倒伏")}", ListWithoutB, w => w.Desk.Operator),
        Page("GET /cases/export.csv", w => $"/cases/export.csv?keyword={Uri.EscapeDataString("倒伏")}", ListWithoutB, w => w.Desk.Operator),
        Page("GET /cases/{Id}", w => $"/cases/{w.CaseB}", Hidden, w => w.Desk.Operator),
        Page("GET /cases/{id}/diagram.bpmn", w => $"/cases/{w.CaseB}/diagram.bpmn", Hidden, w => w.Desk.Operator),
        new()
        {
            Route = "POST /cases/{id}/reporter", Expect = Hidden,
            Probe = (w, u) => ScopeWorld.PostFormAsync(u.Session, $"/cases/{w.CaseB}/reporter"),
            Control = w => ScopeWorld.PostFormAsync(w.Desk.Operator, $"/cases/{w.CaseB}/reporter"),
        },
        Page("GET /inbox", w => "/inbox", ListWithoutB, w => w.LeadOfB),
        Page("GET /inbox/rows", w => "/inbox/rows", ListWithoutB, w => w.LeadOfB),
        Page("GET /inbox/count", w => "/inbox/count", ListWithoutB, w => w.LeadOfB),
        // The task page answers a task that is not the caller's with its "no such task" notice, nothing of the case.
        Page("GET /inbox/{TaskId:guid}", w => $"/inbox/{w.TaskB}", ListWithoutB, w => w.LeadOfB),
        Page("GET /inbox/tasks/{taskId:guid}/photos/{attachmentId}", w => $"/inbox/tasks/{w.TaskB}/photos/{w.AttachmentB}", Hidden, w => w.LeadOfB),
        new()
        {
            Route = "POST /inbox/tasks/{taskId:guid}/{action:regex(^(claim|unclaim)$)}", Expect = Refused,
            Probe = (w, u) => ScopeWorld.PostFormAsync(u.Session, $"/inbox/tasks/{w.TaskB}/claim", ("returnUrl", "/inbox")),
        },
        Page("GET /supervision", w => "/supervision", ListWithoutB, w => w.Desk.Supervisor),
        Page("GET /dashboard", w => "/dashboard", ListWithoutB, w => w.Desk.Leader),
        Page("GET /intake", w => "/intake", ListWithoutB, w => w.Desk.Operator),
        Page("GET /intake/lookup", w => $"/intake/lookup?Input.Category=0109&Input.Address={Uri.EscapeDataString("东明社区居委会")}", ListWithoutB, w => w.Desk.Operator),
        FormPost("POST /cases", w => "/cases"),
        FormPost("POST /cases/{Id}", w => $"/cases/{w.CaseB}"),
        FormPost("POST /inbox", w => "/inbox"),
        FormPost("POST /inbox/{TaskId:guid}", w => $"/inbox/{w.TaskB}"),
        RouteRule.Exempt("POST /supervision", "the board's form posts act through the same scoped desk as POST /api/cases/{id}/supervision-notices and /api/supervision/extensions, probed above"),
        FormPost("POST /dashboard", w => "/dashboard"),
        FormPost("POST /intake", w => "/intake"),

        // The engine's administration API reaches every instance whatever its street: administrators only.
        AdminOnly("GET /api/workflows/definitions", w => "/api/workflows/definitions"),
        AdminOnly("GET /api/workflows/definitions/{processId}/versions", w => "/api/workflows/definitions/case-lifecycle/versions"),
        AdminOnly("GET /api/workflows/instances/{instanceId:guid}", w => $"/api/workflows/instances/{w.InstanceB}"),
        AdminOnly("GET /api/workflows/instances/{instanceId:guid}/history", w => $"/api/workflows/instances/{w.InstanceB}/history"),
        AdminOnly("GET /api/workflows/tasks", w => $"/api/workflows/tasks?instanceId={w.InstanceB}"),
        AdminOnly("GET /api/workflows/incidents", w => "/api/workflows/incidents"),
        new()
        {
            Route = "POST /api/workflows/definitions", Expect = AdministratorsOnly,
            Probe = (w, u) => u.Session.Http.PostAsync("/api/workflows/definitions?name=nothing.bpmn",
                new StringContent("<definitions />", System.Text.Encoding.UTF8, "application/xml")),
        },
        AdminOnlyPost("POST /api/workflows/instances", w => "/api/workflows/instances"),
        AdminOnlyPost("POST /api/workflows/instances/{instanceId:guid}/incidents/{incidentId:guid}/retry", w => $"/api/workflows/instances/{w.InstanceB}/incidents/{Guid.NewGuid()}/retry"),
        AdminOnlyPost("POST /api/workflows/messages", w => "/api/workflows/messages"),
        AdminOnlyPost("POST /api/workflows/signals", w => "/api/workflows/signals"),
        AdminOnlyPost("POST /api/workflows/tasks/{taskId:guid}/claim", w => $"/api/workflows/tasks/{w.TaskB}/claim"),
        AdminOnlyPost("POST /api/workflows/tasks/{taskId:guid}/complete", w => $"/api/workflows/tasks/{w.TaskB}/complete"),

        // The test clock exists only on hosts configured for it, never in Production.
        AdminOnly("GET /api/testing/clock/", w => "/api/testing/clock"),
        AdminOnlyPost("POST /api/testing/clock/", w => "/api/testing/clock"),
    ];

    private static RouteRule Figures(string route, Func<ScopeWorld, string> path) => new()
    {
        Route = route,
        Expect = NoCasesCounted,
        Probe = (w, u) => u.Session.GetAsync(path(w)),
        Control = w => w.Desk.Operator.GetAsync(path(w)),
    };

    private static RouteRule Page(string route, Func<ScopeWorld, string> path, ScopeExpectation expect, Func<ScopeWorld, Lifecycle.ApiSession> control) => new()
    {
        Route = route,
        Expect = expect,
        Probe = (w, u) => u.Session.GetAsync(path(w)),
        Control = w => control(w).GetAsync(path(w)),
    };

    /// <summary>A page's form post naming no form; the GET probe of the same page checks its scope.</summary>
    private static RouteRule FormPost(string route, Func<ScopeWorld, string> path) => new()
    {
        Route = route,
        Expect = FormPostWithoutB,
        Probe = (w, u) => ScopeWorld.PostFormAsync(u.Session, path(w)),
    };

    private static async Task<MultipartFormDataContent> PhotoFormAsync(Lifecycle.ApiSession user)
    {
        var file = new ByteArrayContent(ScopeWorld.Photo);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent
        {
            { new StringContent(await ScopeWorld.AntiforgeryTokenAsync(user)), "__RequestVerificationToken" },
            { file, "file", "other.png" },
        };
    }

    private static RouteRule AdminOnly(string route, Func<ScopeWorld, string> path) => new()
    {
        Route = route,
        Expect = AdministratorsOnly,
        Probe = (w, u) => u.Session.GetAsync(path(w)),
        Control = w => w.Desk.Admin.GetAsync(path(w)),
    };

    /// <summary>A POST refused by role before its body is read; the control is left out because it would change the installation.</summary>
    private static RouteRule AdminOnlyPost(string route, Func<ScopeWorld, string> path) => new()
    {
        Route = route,
        Expect = AdministratorsOnly,
        Probe = (w, u) => u.Session.PostAsync(path(w), new { }),
    };
}
