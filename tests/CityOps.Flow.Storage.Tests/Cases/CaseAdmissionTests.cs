using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Intake.Clustering;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Storage.Tests.Databases;
using Dapper;
using static CityOps.Flow.Storage.Tests.Cases.CaseScenario;

namespace CityOps.Flow.Storage.Tests.Cases;

/// <summary>Intake's join-or-open decision in the database: clustering, retries, closed cases, and two nodes at once.</summary>
public sealed class CaseAdmissionTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly ClusteringRule Rule = ClusteringPolicy.Default.DefaultRule;
    private static readonly GeoPoint Spot = new(31.2301, 121.5231);

    private static CaseAdmission Admission(IntakeReport report, ClusteringRule? rule = null) => new()
    {
        Report = report,
        Rule = rule ?? Rule,
        Actor = "video-box-7",
        Opening = new CaseOpening
        {
            CaseId = "case-" + report.SourceId,
            StreetId = Lujiazui,
            Severity = Severity.Normal,
            OpenedAt = report.ReceivedAt,
        },
    };

    private static IntakeReport Alarm(string sourceId, DateTimeOffset at, GeoPoint? point = null, string category = "E0501") =>
        Report(sourceId, "AI 识别：无照经营游商", at, Channel.VideoAlarm, category, point: point ?? Spot);

    private static async Task<long> ScalarAsync(IDbConnectionFactory database, string sql)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_report_near_an_open_case_of_its_category_joins_it_and_the_timeline_shows_the_join(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);

        // 0.00018° of latitude is 20 m.
        var admitted = await scenario.Cases.AdmitAsync([
            Admission(Alarm("cam-1", Morning)),
            Admission(Alarm("cam-2", Morning.AddMinutes(5), new GeoPoint(Spot.Latitude + 0.00018, Spot.Longitude))),
            Admission(Alarm("cam-3", Morning.AddMinutes(9), new GeoPoint(Spot.Latitude, Spot.Longitude - 0.0002))),
        ]);

        Assert.Equal([IntakeDecision.Opened, IntakeDecision.Joined, IntakeDecision.Joined], admitted.Select(a => a.Decision));
        Assert.Equal([1, 2, 3], admitted.Select(a => a.ClusterSize));
        Assert.Single(admitted.Select(a => a.CaseId).Distinct());
        var stored = (await scenario.Cases.GetAsync("case-cam-1", DataScope.ForAreas(Lujiazui)))!;
        Assert.Equal(3, stored.ClusterSize);
        Assert.Matches(@"^PJ-\d{8}-\d{6}$", admitted[2].CaseNumber);
        var timeline = await scenario.Cases.GetEventsAsync("case-cam-1", DataScope.ForAreas(Lujiazui));
        Assert.Equal([CaseEventKind.Reported, CaseEventKind.ReportJoined, CaseEventKind.ReportJoined], timeline.Select(e => e.Kind));
        Assert.Equal(["video:cam-2", "video:cam-3"], timeline.Skip(1).Select(e => e.Note));
        Assert.All(timeline.Skip(1), e => Assert.Equal("video-box-7", e.Actor));

        // The joins are part of the history the status machine folds: the next command still fits.
        var filed = await scenario.Cases.AppendEventAsync("case-cam-1", new CaseEvent(CaseEventKind.Filed, Morning.AddMinutes(20), "dispatcher"));
        Assert.Null(filed.Refusal);
        Assert.Equal(4, filed.Projection!.EventCount);
        Assert.Equal(2, filed.Projection.JoinedReportCount);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Another_category_a_place_beyond_the_radius_or_a_time_outside_the_window_opens_a_new_case(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);

        // 0.0006° of latitude is 67 m, beyond the 50 m radius.
        var admitted = await scenario.Cases.AdmitAsync([
            Admission(Alarm("cam-1", Morning)),
            Admission(Alarm("cam-2", Morning.AddMinutes(1), category: "E0504")),
            Admission(Alarm("cam-3", Morning.AddMinutes(2), new GeoPoint(Spot.Latitude + 0.0006, Spot.Longitude))),
            Admission(Alarm("cam-4", Morning.AddHours(25))),
            Admission(Alarm("cam-5", Morning.AddHours(25).AddMinutes(1))),
        ]);

        Assert.Equal(
            [IntakeDecision.Opened, IntakeDecision.Opened, IntakeDecision.Opened, IntakeDecision.Opened, IntakeDecision.Joined],
            admitted.Select(a => a.Decision));
        Assert.Equal("case-cam-4", admitted[4].CaseId);
        Assert.Equal(4, await ScalarAsync(scenario.Database, "SELECT COUNT(*) FROM cases"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_retried_report_gets_its_first_answer_and_writes_nothing(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var first = await scenario.Cases.AdmitAsync([Admission(Alarm("cam-1", Morning)), Admission(Alarm("cam-2", Morning.AddMinutes(1)))]);
        await scenario.Cases.AdmitAsync([Admission(Alarm("cam-3", Morning.AddMinutes(2)))]);

        // The same alarms again, one of them twice in the batch, received later.
        var retried = await scenario.Cases.AdmitAsync([
            Admission(Alarm("cam-2", Morning.AddMinutes(30))),
            Admission(Alarm("cam-1", Morning.AddMinutes(30))),
            Admission(Alarm("cam-2", Morning.AddMinutes(31))),
        ]);

        Assert.All(retried, a => Assert.True(a.Replayed));
        Assert.Equal(first[1] with { Replayed = true }, retried[0]);
        Assert.Equal(first[0] with { Replayed = true }, retried[1]);
        Assert.Equal(first[1] with { Replayed = true }, retried[2]);
        Assert.Equal(3, await ScalarAsync(scenario.Database, "SELECT cluster_size FROM cases"));
        Assert.Equal(3, await ScalarAsync(scenario.Database, "SELECT COUNT(*) FROM case_reports"));
        Assert.Equal(3, await ScalarAsync(scenario.Database, "SELECT COUNT(*) FROM case_events"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_closed_case_takes_no_more_reports_and_a_new_report_opens_a_case(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        await scenario.Cases.AdmitAsync([Admission(Alarm("cam-1", Morning))]);
        var at = Morning;
        foreach (var kind in new[]
        {
            CaseEventKind.Filed, CaseEventKind.Dispatched, CaseEventKind.Accepted, CaseEventKind.Completed,
            CaseEventKind.ReviewAccepted, CaseEventKind.ClosedWithoutCallback,
        })
        {
            at = at.AddMinutes(10);
            Assert.Null((await scenario.Cases.AppendEventAsync("case-cam-1", new CaseEvent(kind, at, "handler"))).Refusal);
        }

        var next = Assert.Single(await scenario.Cases.AdmitAsync([Admission(Alarm("cam-2", at.AddMinutes(5)))]));

        Assert.Equal(IntakeDecision.Opened, next.Decision);
        Assert.Equal("case-cam-2", next.CaseId);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            var report = await scenario.Cases.RecordReportAsync(Alarm("cam-3", at.AddMinutes(6)));
            await scenario.Cases.JoinCaseAsync("case-cam-1", report.ReportId);
        });
        Assert.Equal(1, await ScalarAsync(scenario.Database, "SELECT cluster_size FROM cases WHERE id = 'case-cam-1'"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_nodes_admitting_one_cluster_at_once_open_a_single_case(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var otherNode = new CaseRepository(databases.SecondNode(scenario.Database));

        // 24 alarms in a 40 m line across cell borders, posted one per transaction from both nodes at once.
        var posts = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() =>
            (i % 2 == 0 ? scenario.Cases : otherNode).AdmitAsync([
                Admission(Alarm($"cam-{i}", Morning.AddSeconds(i), new GeoPoint(Spot.Latitude, Spot.Longitude + i * 0.000018))),
            ]))));

        var admitted = posts.Select(Assert.Single).ToList();
        Assert.Single(admitted, a => a.Decision == IntakeDecision.Opened);
        Assert.Single(admitted.Select(a => a.CaseId).Distinct());
        Assert.Equal(Enumerable.Range(1, 24), admitted.Select(a => a.ClusterSize).Order());
        Assert.Equal(1, await ScalarAsync(scenario.Database, "SELECT COUNT(*) FROM cases"));
        Assert.Equal(24, await ScalarAsync(scenario.Database, "SELECT cluster_size FROM cases"));
        Assert.Equal(24, await ScalarAsync(scenario.Database, "SELECT COUNT(*) FROM case_events"));
    }

    [Fact]
    public void Lock_keys_of_two_reports_within_the_radius_overlap_so_their_decisions_are_serialised()
    {
        var a = CaseRepository.ClusterLockKeys("E0501", Spot, Rule);
        var near = CaseRepository.ClusterLockKeys("E0501", new GeoPoint(Spot.Latitude + 0.0002, Spot.Longitude - 0.0002), Rule);
        var otherCategory = CaseRepository.ClusterLockKeys("E0504", Spot, Rule);

        Assert.NotEmpty(a.Intersect(near));
        Assert.Empty(a.Intersect(otherCategory));
        Assert.Equal(a, CaseRepository.ClusterLockKeys("E0501", Spot, Rule));
    }
}
