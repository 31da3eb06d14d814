using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using CityOps.Flow.Storage.Tests.Cases;
using CityOps.Flow.Storage.Tests.Databases;
using static CityOps.Flow.Cases.Lifecycle.CaseEventKind;

namespace CityOps.Flow.Storage.Tests.Reporting;

/// <summary>
/// Six cases of Monday 16 to Wednesday 18 November 2026 driven to known outcomes, in Lujiazui and Huamu plus one in
/// Zhangjiang; the expected figures are worked out by hand in <see cref="KpiRepositoryTests"/>.
/// </summary>
internal sealed class KpiScenario
{
    public const string Zhangjiang = "310115010";

    /// <summary>Wednesday 18 November, 15:00 China time: what "now" is for every figure.</summary>
    public static readonly DateTimeOffset AsOf = At(18, 15, 0);

    /// <summary>Monday 16 to Wednesday 18 November, local days.</summary>
    public static readonly DateTimeOffset WindowFrom = At(16, 0, 0);
    public static readonly DateTimeOffset WindowTo = At(19, 0, 0);

    public static readonly DataScope TwoStreets = DataScope.ForAreas(CaseScenario.Lujiazui, CaseScenario.Huamu);

    private static readonly Lazy<WorkingTimeCalendar> LoadedCalendar = new(() =>
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CityOps.Flow.sln")))
        {
            folder = folder.Parent;
        }

        var path = Path.Combine(folder?.FullName ?? throw new InvalidOperationException("no CityOps.Flow.sln above the tests"), "workflows", "calendars", "demo-district.json");
        var loaded = WorkingTimeCalendarJson.Read(File.ReadAllText(path));
        return loaded.Calendar ?? throw new InvalidOperationException(string.Join("; ", loaded.Problems));
    });

    private KpiScenario(CaseScenario cases)
    {
        Cases = cases;
        Kpis = new KpiRepository(cases.Database);
    }

    public static WorkingTimeCalendar Calendar => LoadedCalendar.Value;

    public CaseScenario Cases { get; }

    public KpiRepository Kpis { get; }

    public static DateTimeOffset At(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static async Task<KpiScenario> CreateAsync(TestDatabases databases, SqlDialect dialect)
    {
        var scenario = new KpiScenario(await CaseScenario.CreateAsync(databases, dialect));
        await scenario.FileEveryCaseAsync();
        return scenario;
    }

    private async Task FileEveryCaseAsync()
    {
        // A: auto-dispatched to urban management, done in 2 working hours, accepted, citizen satisfied.
        var a = await OpenAsync("kpi-a", At(16, 9, 0), CaseScenario.Lujiazui, Channel.GridInspector, CaseScenario.UrbanManagement, At(17, 17, 30), auto: true);
        // A second caller reports the same problem an hour later, while A is open: it joins A.
        var duplicate = await Cases.Cases.RecordReportAsync(CaseScenario.Report("kpi-a-2", "同一处问题", At(16, 10, 0), Channel.Hotline));
        await Cases.Cases.JoinCaseAsync(a, duplicate.ReportId);
        await EventsAsync(a, (Filed, At(16, 9, 0)), (Dispatched, At(16, 9, 30)), (Accepted, At(16, 10, 0)), (Completed, At(16, 11, 30)),
            (ReviewAccepted, At(16, 13, 0)), (CallbackSatisfied, At(16, 14, 0)));

        // B: late (due at noon), sent back once, completed again at 17:00, citizen dissatisfied: reopened.
        var b = await OpenAsync("kpi-b", At(16, 9, 0), CaseScenario.Lujiazui, Channel.Hotline, CaseScenario.UrbanManagement, At(16, 12, 0), auto: true);
        await EventsAsync(b, (Filed, At(16, 9, 0)), (Dispatched, At(16, 9, 30)), (Accepted, At(16, 10, 0)), (Completed, At(16, 16, 0)));
        await MeasureAsync(); // the first completion is measured before the send-back, as a dashboard read in between would
        await EventsAsync(b, (ReviewSentBack, At(16, 16, 30)), (Completed, At(16, 17, 0)), (ReviewAccepted, At(16, 17, 10)),
            (CallbackDissatisfied, At(16, 17, 20)));

        // C: sent by a dispatcher, returned once, redispatched to water affairs, still handling past its due time.
        var c = await OpenAsync("kpi-c", At(16, 9, 0), CaseScenario.Huamu, Channel.CitizenApp, CaseScenario.WaterAffairs, At(16, 10, 0), auto: false);
        await EventsAsync(c, (Filed, At(16, 9, 0)), (Dispatched, At(16, 9, 15)), (Returned, At(16, 9, 40)), (Dispatched, At(16, 9, 50)),
            (Accepted, At(16, 10, 30)));

        // D: reported, not yet filed.
        await OpenAsync("kpi-d", At(16, 9, 0), CaseScenario.Huamu, Channel.CitizenApp, null, null, auto: false);

        // E: Tuesday, auto-dispatched, done Wednesday 10:10 (8 working hours), closed without a callback.
        var e = await OpenAsync("kpi-e", At(17, 9, 0), CaseScenario.Lujiazui, Channel.IotSensor, CaseScenario.WaterAffairs, At(18, 17, 30), auto: true);
        await EventsAsync(e, (Filed, At(17, 9, 0)), (Dispatched, At(17, 9, 10)), (Accepted, At(17, 9, 20)), (Completed, At(18, 10, 10)),
            (ReviewAccepted, At(18, 10, 30)), (ClosedWithoutCallback, At(18, 11, 0)));

        // G: Zhangjiang, led by urban management: outside the two streets' scope.
        var g = await OpenAsync("kpi-g", At(16, 9, 0), Zhangjiang, Channel.Hotline, CaseScenario.UrbanManagement, At(16, 17, 30), auto: true);
        await EventsAsync(g, (Filed, At(16, 9, 0)), (Dispatched, At(16, 9, 5)), (Accepted, At(16, 9, 10)), (Completed, At(16, 9, 40)));
    }

    public Task<int> MeasureAsync() => Kpis.MeasureHandlingTimesAsync(Calendar);

    private async Task<string> OpenAsync(string sourceId, DateTimeOffset at, string street, Channel channel, string? department, DateTimeOffset? due, bool auto)
    {
        var opened = await Cases.OpenAsync(CaseScenario.Report(sourceId, "问题 " + sourceId, at, channel), street);
        if (department is not null)
        {
            Assert.True(await Cases.Cases.AssignAsync(opened.Id, department, due, auto));
        }

        return opened.Id;
    }

    private async Task EventsAsync(string caseId, params (CaseEventKind Kind, DateTimeOffset At)[] events)
    {
        foreach (var (kind, at) in events)
        {
            var outcome = await Cases.Cases.AppendEventAsync(caseId, new CaseEvent(kind, at, "tester"));
            Assert.True(outcome.Refusal is null, $"{caseId} {kind}: {outcome.Refusal}");
        }
    }
}
