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
