using CityOps.Flow.Cases.Audit;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Intake.Clustering;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Engine.Scheduling;
using CityOps.Flow.Storage.Tests.Databases;
using Dapper;
using static CityOps.Flow.Storage.Tests.Cases.CaseScenario;

namespace CityOps.Flow.Storage.Tests.Cases;

public sealed class CaseRepositoryTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly DataScope LujiazuiScope = DataScope.ForAreas(Lujiazui);

    private static async Task<long> CountAsync(IDbConnectionFactory database, string table)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_retried_sensor_post_creates_nothing_and_answers_with_the_existing_case(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var alarm = Report("WL-0042-20261121-0900", "积水深度超过30厘米", Morning, Channel.IotSensor, "0402");
        var opened = await scenario.OpenAsync(alarm, Lujiazui);

        var retry = await scenario.Cases.RecordReportAsync(alarm with { ReceivedAt = Morning.AddMinutes(1) });

        Assert.False(retry.Created);
        Assert.Equal(opened.Id, retry.CaseId);
        Assert.Equal(1, await CountAsync(scenario.Database, "case_reports"));
        Assert.Equal(1, await CountAsync(scenario.Database, "cases"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_same_source_id_on_another_channel_is_another_report(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var first = await scenario.Cases.RecordReportAsync(Report("20261121-0001", "井盖缺失", Morning, Channel.Hotline));
        var second = await scenario.Cases.RecordReportAsync(Report("20261121-0001", "井盖缺失", Morning, Channel.CitizenApp));

        Assert.True(first.Created);
        Assert.True(second.Created);
        Assert.NotEqual(first.ReportId, second.ReportId);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Concurrent_duplicate_posts_from_two_nodes_record_one_report(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var otherNode = new CaseRepository(databases.SecondNode(scenario.Database));
        var alarm = Report("GAS-7-20261121-0915", "燃气浓度超标", Morning, Channel.IotSensor, "0503");

        var posts = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            (i % 2 == 0 ? scenario.Cases : otherNode).RecordReportAsync(alarm))));

        Assert.Single(posts, p => p.Created);
        Assert.Single(posts.Select(p => p.ReportId).Distinct());
        Assert.Equal(1, await CountAsync(scenario.Database, "case_reports"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Cases_are_numbered_per_day_in_china_time_and_show_the_reporter_masked(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var first = await scenario.OpenAsync(Report("G-1", "井盖缺失", Morning), Lujiazui);
        var second = await scenario.OpenAsync(Report("G-2", "路灯不亮", Morning.AddHours(2)), Lujiazui);
        var afterMidnight = await scenario.OpenAsync(Report("G-3", "垃圾满溢", new DateTimeOffset(2026, 11, 21, 16, 30, 0, TimeSpan.Zero)), Lujiazui);

        Assert.Equal("PJ-20261121-000001", first.Number);
        Assert.Equal("PJ-20261121-000002", second.Number);
        Assert.Equal("PJ-20261122-000001", afterMidnight.Number);
        Assert.Equal("张** 138****5678", first.ReporterMasked);
        Assert.Equal(CaseStatus.Reported, first.Status);
        Assert.Equal(Channel.GridInspector, first.Channel);
        Assert.Equal(Morning, first.OpenedAt);
        Assert.Equal(Morning.AddHours(4), first.DueAt);
        Assert.Equal(1, first.ClusterSize);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Opening_a_case_again_for_the_same_report_returns_the_first_case(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var report = Report("G-9", "井盖缺失", Morning);
        var opened = await scenario.OpenAsync(report, Lujiazui);
        var recorded = await scenario.Cases.RecordReportAsync(report);

        var again = await scenario.Cases.OpenCaseAsync(recorded.ReportId, new CaseOpening
        {
            CaseId = "another-id",
            StreetId = Lujiazui,
            Severity = Severity.Major,
            OpenedAt = Morning.AddMinutes(5),
        });

        Assert.Equal(opened, again);
        Assert.Equal(1, await CountAsync(scenario.Database, "cases"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Joined_reports_grow_the_cluster_once_each(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var opened = await scenario.OpenAsync(Report("H-1", "窨井盖缺失", Morning, Channel.Hotline), Lujiazui);
        var second = await scenario.Cases.RecordReportAsync(Report("A-1", "井盖没了", Morning.AddMinutes(30), Channel.CitizenApp));
        var third = await scenario.Cases.RecordReportAsync(Report("G-1", "井盖缺失", Morning.AddMinutes(45)));

        Assert.Equal(2, await scenario.Cases.JoinCaseAsync(opened.Id, second.ReportId));
        Assert.Equal(3, await scenario.Cases.JoinCaseAsync(opened.Id, third.ReportId));
        Assert.Equal(3, await scenario.Cases.JoinCaseAsync(opened.Id, third.ReportId));

        Assert.Equal(3, (await scenario.Cases.GetAsync(opened.Id, LujiazuiScope))!.ClusterSize);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Events_follow_the_lifecycle_and_an_impossible_step_is_refused_without_a_trace(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var opened = await scenario.OpenAsync(Report("G-1", "井盖缺失", Morning), Lujiazui);

        foreach (var kind in new[] { CaseEventKind.Filed, CaseEventKind.Dispatched, CaseEventKind.Accepted })
        {
            Assert.True((await scenario.Cases.AppendEventAsync(opened.Id, new CaseEvent(kind, Morning.AddMinutes(10), "u-dispatcher-01"))).Accepted);
        }

        var refused = await scenario.Cases.AppendEventAsync(opened.Id, new CaseEvent(CaseEventKind.CallbackSatisfied, Morning.AddHours(1)));

        Assert.False(refused.Accepted);
        Assert.Contains("event 5 (CallbackSatisfied", refused.Refusal, StringComparison.Ordinal);
        var events = await scenario.Cases.GetEventsAsync(opened.Id, LujiazuiScope);
        Assert.Equal([CaseEventKind.Reported, CaseEventKind.Filed, CaseEventKind.Dispatched, CaseEventKind.Accepted], events.Select(e => e.Kind));
        Assert.Equal(CaseStatus.Handling, CaseHistory.Project(events).Status);
        Assert.Equal(CaseStatus.Handling, (await scenario.Cases.GetAsync(opened.Id, LujiazuiScope))!.Status);
        Assert.False((await scenario.Cases.AppendEventAsync("no-such-case", new CaseEvent(CaseEventKind.Filed, Morning))).Accepted);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_nodes_filing_the_same_case_at_once_record_it_once(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var otherNode = new CaseRepository(databases.SecondNode(scenario.Database));
        var opened = await scenario.OpenAsync(Report("G-1", "井盖缺失", Morning), Lujiazui);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            (i % 2 == 0 ? scenario.Cases : otherNode).AppendEventAsync(opened.Id, new CaseEvent(CaseEventKind.Filed, Morning.AddMinutes(5), $"u-operator-{i}")))));

        Assert.Single(outcomes, o => o.Accepted);
        Assert.All(outcomes.Where(o => !o.Accepted), o => Assert.Contains("Filed", o.Refusal, StringComparison.Ordinal));
        Assert.Equal([CaseEventKind.Reported, CaseEventKind.Filed], (await scenario.Cases.GetEventsAsync(opened.Id, LujiazuiScope)).Select(e => e.Kind));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_closed_loop_yields_the_facts_the_performance_report_reads(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var opened = await scenario.OpenAsync(Report("G-1", "井盖缺失", Morning), Lujiazui, UrbanManagement);
        Assert.True(await scenario.Cases.AssignAsync(opened.Id, UrbanManagement, Morning.AddHours(4), autoDispatched: true));
        var steps = new[]
        {
            CaseEventKind.Filed, CaseEventKind.Dispatched, CaseEventKind.Accepted, CaseEventKind.Completed,
            CaseEventKind.ReviewAccepted, CaseEventKind.CallbackSatisfied,
        };
        for (var i = 0; i < steps.Length; i++)
        {
            Assert.True((await scenario.Cases.AppendEventAsync(opened.Id, new CaseEvent(steps[i], Morning.AddMinutes(20 * (i + 1))))).Accepted);
        }

        var facts = Assert.Single(await scenario.Cases.GetFactsAsync(Morning.AddDays(-1), Morning.AddDays(1), LujiazuiScope));

        Assert.Equal(opened.Id, facts.CaseId);
        Assert.Equal(Lujiazui, facts.AreaId);
        Assert.Equal(UrbanManagement, facts.DepartmentId);
        Assert.Equal(Morning, facts.ReportedAt);
        Assert.Equal(Morning.AddMinutes(40), facts.FirstDispatchedAt);
        Assert.Equal(Morning.AddMinutes(80), facts.CompletedAt);
        Assert.Equal(Morning.AddMinutes(120), facts.ClosedAt);
        Assert.Equal(1, facts.DispatchCount);
        Assert.True(facts.CitizenSatisfied);
        Assert.True(facts.AutoDispatched);
        Assert.Empty(await scenario.Cases.GetFactsAsync(Morning.AddDays(1), Morning.AddDays(2), LujiazuiScope));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_user_of_one_street_never_sees_another_streets_case_through_any_method(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var audit = new SqlAuditLog(scenario.Database, new AdjustableClock(Morning));
        var ours = await scenario.OpenAsync(Report("G-1", "井盖缺失", Morning), Lujiazui);
        var theirs = await scenario.OpenAsync(Report("G-2", "井盖缺失", Morning.AddMinutes(1)), Huamu);
        await scenario.Cases.AddSupervisionNoticeAsync(new SupervisionNotice
        {
            CaseId = theirs.Id, Tier = WarningTier.Overdue, IssuedAt = Morning.AddHours(5), IssuedBy = "system", Message = "逾期督办",
        });

        Assert.Null(await scenario.Cases.GetAsync(theirs.Id, LujiazuiScope));
        Assert.Empty(await scenario.Cases.GetEventsAsync(theirs.Id, LujiazuiScope));
        Assert.Empty(await scenario.Cases.ListSupervisionNoticesAsync(theirs.Id, LujiazuiScope));
        Assert.Null(await scenario.Cases.RevealReporterAsync(theirs.Id, LujiazuiScope, "u-lujiazui-01", ["operator"], audit));
        Assert.Equal([ours.Id], (await scenario.Cases.SearchAsync(new CaseQuery { Keyword = "井盖" }, LujiazuiScope)).Cases.Select(c => c.Id));
        Assert.Equal([ours.Id], (await scenario.Cases.SearchAsync(new CaseQuery(), LujiazuiScope)).Cases.Select(c => c.Id));
        Assert.Empty((await scenario.Cases.SearchAsync(new CaseQuery { AreaId = Huamu }, LujiazuiScope)).Cases);
        Assert.Empty((await scenario.Cases.SearchAsync(new CaseQuery { Keyword = theirs.Number }, LujiazuiScope)).Cases);
        Assert.Equal([ours.Id], (await scenario.Cases.GetFactsAsync(Morning.AddDays(-1), Morning.AddDays(1), LujiazuiScope)).Select(f => f.CaseId));
        Assert.Empty((await scenario.Cases.SearchAsync(new CaseQuery(), new DataScope([], []))).Cases);
        Assert.Equal(0, (await audit.ReadHeadAsync()).Sequence);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_department_sees_the_cases_it_leads_in_any_street(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var led = await scenario.OpenAsync(Report("G-1", "井盖缺失", Morning), Huamu, WaterAffairs);
        await scenario.OpenAsync(Report("G-2", "井盖缺失", Morning), Huamu, UrbanManagement);
        var inCommunity = await scenario.OpenAsync(Report("G-3", "路灯不亮", Morning), Lujiazui, communityId: LujiazuiCommunity);

        var departmentScope = DataScope.ForDepartments(WaterAffairs);
        Assert.Equal([led.Id], (await scenario.Cases.SearchAsync(new CaseQuery(), departmentScope)).Cases.Select(c => c.Id));
        Assert.NotNull(await scenario.Cases.GetAsync(led.Id, departmentScope));
        Assert.Equal([inCommunity.Id], (await scenario.Cases.SearchAsync(new CaseQuery(), DataScope.ForAreas(LujiazuiCommunity))).Cases.Select(c => c.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Revealing_the_reporter_gives_the_full_number_and_is_audited(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var audit = new SqlAuditLog(scenario.Database, new AdjustableClock(Morning));
        var opened = await scenario.OpenAsync(Report("H-1", "噪音扰民", Morning, Channel.Hotline), Lujiazui);

        var reporter = await scenario.Cases.RevealReporterAsync(opened.Id, LujiazuiScope, "u-callback-03", ["operator"], audit);

        Assert.Equal("张三丰", reporter?.Name);
        Assert.Equal("13812345678", reporter?.Phone?.Reveal());
        var entry = Assert.Single(await audit.ForSubjectAsync("case", opened.Id));
        Assert.Equal(AuditAction.PersonalDataRevealed, entry.Action);
        Assert.Equal("u-callback-03", entry.ActorUserId);
        Assert.Equal("""{"fields":["name","phone"]}""", entry.DetailsJson);
        Assert.DoesNotContain("13812345678", entry.DetailsJson, StringComparison.Ordinal);
        Assert.True((await audit.VerifyAsync()).Intact);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Supervision_notices_are_listed_oldest_first_with_whom_an_automatic_one_told(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var opened = await scenario.OpenAsync(Report("G-1", "井盖缺失", Morning), Lujiazui, UrbanManagement);
        var red = new SupervisionNotice
        {
            CaseId = opened.Id, Tier = WarningTier.Red, IssuedAt = Morning.AddHours(3), IssuedBy = "system", DepartmentId = UrbanManagement, Message = "即将超时",
            Recipients = ["handler", "section chief"],
        };
        var overdue = red with { Tier = WarningTier.Overdue, IssuedAt = Morning.AddHours(5), IssuedBy = "u-supervisor-02", Message = "逾期督办", Recipients = [] };
        await scenario.Cases.AddSupervisionNoticeAsync(overdue);
        await scenario.Cases.AddSupervisionNoticeAsync(red);

        var listed = await scenario.Cases.ListSupervisionNoticesAsync(opened.Id, LujiazuiScope);
        Assert.Equal([red with { Recipients = [] }, overdue], listed.Select(n => n with { Recipients = [] }));
        Assert.Equal(["handler", "section chief"], listed[0].Recipients);
        Assert.Empty(listed[1].Recipients);
    }
}
