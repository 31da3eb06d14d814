using System.Net;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Tests.Lifecycle;
using static CityOps.Flow.Web.Tests.Lifecycle.CaseDesk;

namespace CityOps.Flow.Web.Tests.Scope;

/// <summary>
/// One host with a case in street A and a case in street B (with a reporter's name and phone, an open handling task,
/// a running instance), street-A users of every case-working role, and district users who may see street B.
/// </summary>
public sealed class ScopeWorld : IAsyncDisposable
{
    /// <summary>Text only street B's case carries: no response to a street-A user may contain it.</summary>
    public const string BDescription = "乙街道灯杆倒伏压住自行车";
    public const string BAddress = "乙街 9 号";
    public const string Phone = "13812345678";
    public const string ReporterName = "李四光";

    private ScopeWorld(LifecycleHost host, CaseDesk desk)
    {
        Host = host;
        Desk = desk;
    }

    public LifecycleHost Host { get; }

    public CaseDesk Desk { get; }

    public string CaseA { get; private set; } = "";

    public string CaseB { get; private set; } = "";

    public string CaseBNumber { get; private set; } = "";

    public string InstanceB { get; private set; } = "";

    public string TaskB { get; private set; } = "";

    /// <summary>A second street-B case whose lead asked for more time: its extension decision waits for a supervisor.</summary>
    public string CaseB2 { get; private set; } = "";

    public string CaseB2Number { get; private set; } = "";

    public string ExtensionTaskB { get; private set; } = "";

    /// <summary>A photo on case B, tied to its handling task.</summary>
    public string AttachmentB { get; private set; } = "";

    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Photo { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A handler of the department that leads case B (district-wide, so it sees B by department).</summary>
    public ApiSession LeadOfB { get; private set; } = null!;

    public IReadOnlyList<ScopeUser> StreetAUsers { get; private set; } = [];

    public static async Task<ScopeWorld> CreateAsync()
    {
        var host = await LifecycleHost.StartAsync(LifecycleStore.Sqlite);
        var desk = new CaseDesk(host);
        await desk.SignInAsync();
        var world = new ScopeWorld(host, desk);
        await world.SeedAsync();
        return world;
    }

    /// <summary>A report by the district operator at the position, with street B's tell-tale text when it is B's.</summary>
    public Dictionary<string, object?> ReportAt(string sourceId, double latitude, double longitude, DateTimeOffset now, bool streetB)
    {
        var report = Report(sourceId, "0109", latitude, longitude, "hotline", now);
        report["reporter"] = new { name = ReporterName, phone = "138 1234 5678" };
        if (streetB)
        {
            report["description"] = BDescription;
            report["location"] = new { point = new { latitude, longitude }, address = BAddress };
        }

        return report;
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    /// <summary>The antiforgery token of the user's session, from the page the portal renders for them.</summary>
    public static async Task<string> AntiforgeryTokenAsync(ApiSession user)
    {
        var page = Lifecycle.CaseDesk.ParsePage(await (await user.GetAsync("/")).Content.ReadAsStringAsync());
        return page.QuerySelector("meta[name=antiforgery-token]")?.GetAttribute("content")
            ?? throw new Xunit.Sdk.XunitException($"no antiforgery token on the landing page of {user.UserName}");
    }

    /// <summary>A form post with the user's antiforgery token and the given fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(ApiSession user, string path, params (string Name, string Value)[] fields)
    {
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(user) };
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return await user.Http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    private async Task SeedAsync()
    {
        var now = await Desk.NowAsync();
        var a = await Desk.Operator.PostJsonAsync("/api/intake/reports", ReportAt("scope-a", StreetALatitude, StreetALongitude, now, false), HttpStatusCode.Created);
        var b = await Desk.Operator.PostJsonAsync("/api/intake/reports", ReportAt("scope-b", StreetBLatitude, StreetBLongitude, now, true), HttpStatusCode.Created);
        CaseA = a.GetProperty("caseId").GetString()!;
        CaseB = b.GetProperty("caseId").GetString()!;
        CaseBNumber = b.GetProperty("caseNumber").GetString()!;
        InstanceB = b.GetProperty("case").GetProperty("processInstanceId").GetString()!;
        Assert.Equal(StreetB, b.GetProperty("case").GetProperty("streetId").GetString());
        var lead = b.GetProperty("case").GetProperty("leadDepartmentId").GetString()!;
        await Host.CreateUserAsync("lead-of-b", CityRoles.Handler, StreetB, lead);
        LeadOfB = await Host.SignInAsync("lead-of-b");
        TaskB = Assert.Single((await LeadOfB.GetJsonAsync($"/api/cases/{CaseB}/tasks")).EnumerateArray()).GetProperty("id").GetString()!;

        var b2 = await Desk.Operator.PostJsonAsync("/api/intake/reports",
            ReportAt("scope-b2", StreetBLatitude + 0.003, StreetBLongitude, now, true), HttpStatusCode.Created);
        CaseB2 = b2.GetProperty("caseId").GetString()!;
        CaseB2Number = b2.GetProperty("caseNumber").GetString()!;
        Assert.Equal(StreetB, b2.GetProperty("case").GetProperty("streetId").GetString());
        await ActAsync(LeadOfB, CaseB2, "HandleCase", "accept");
        await ActAsync(LeadOfB, CaseB2, "HandleCase", "extension", new { limit = "P1D", reason = "等待配件" });
        ExtensionTaskB = Assert.Single((await Desk.Supervisor.GetJsonAsync($"/api/cases/{CaseB2}/tasks")).EnumerateArray()).GetProperty("id").GetString()!;

        var upload = new MultipartFormDataContent
        {
            { new StringContent(await AntiforgeryTokenAsync(LeadOfB)), "__RequestVerificationToken" },
            { new StringContent(TaskB), "taskId" },
        };
        var file = new ByteArrayContent(Photo);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        upload.Add(file, "file", "lamp.png");
        var stored = await ApiSession.ExpectAsync(await LeadOfB.Http.PostAsync($"/api/cases/{CaseB}/attachments", upload), HttpStatusCode.Created);
        AttachmentB = stored[0].GetProperty("id").GetString()!;

        // Past B's due time: overdue, escalated, a supervision notice (督办) on record for its department.
        await Desk.SetClockAsync(March(4, 17, 31));

        var users = new List<ScopeUser>();
        foreach (var role in new[] { CityRoles.Operator, CityRoles.Dispatcher, CityRoles.Handler, CityRoles.Supervisor, CityRoles.Leader, CityRoles.Auditor })
        {
            // The street-A handler works for the street's law-enforcement team, which leads nothing in street B.
            await Host.CreateUserAsync($"{role}-a", role, StreetA, role == CityRoles.Handler ? $"{StreetA}-law" : null);
            users.Add(new ScopeUser(role, await Host.SignInAsync($"{role}-a")));
        }

        StreetAUsers = users;
    }
}
