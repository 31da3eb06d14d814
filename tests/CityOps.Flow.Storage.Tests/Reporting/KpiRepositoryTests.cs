using CityOps.Flow.Cases.Reporting;
using CityOps.Flow.Storage.Tests.Cases;
using CityOps.Flow.Storage.Tests.Databases;
using static CityOps.Flow.Storage.Tests.Reporting.KpiScenario;

namespace CityOps.Flow.Storage.Tests.Reporting;

/// <summary>
/// Key figures aggregated by the database over the cases of <see cref="KpiScenario"/>. In the two streets: A, B, C, D
/// (Monday) and E (Tuesday); G is in Zhangjiang. Worked out by hand:
/// due counted A B C D E (D is open past its opening due time), on time A E; dispatched A B C E, returned C,
/// auto A B E; closed A E, both first time; callbacks A (satisfied) B (dissatisfied); handling A 2 h, B 6 h (its
/// last completion), E 8 h of working time.
/// </summary>
public sealed class KpiRepositoryTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Totals_over_the_window_count_each_figure_as_worked_out_by_hand(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        await scenario.MeasureAsync();

        var totals = await scenario.Kpis.TotalsAsync(WindowFrom, WindowTo, KpiFilter.None, TwoStreets, AsOf);
        var summary = totals.ToSummary();

        Assert.Equal(5, summary.CaseCount);
        Assert.Equal(new Rate(2, 5), summary.OnTime);
        Assert.Equal(new Rate(1, 4), summary.Returned);
        Assert.Equal(new Rate(3, 4), summary.AutoDispatched);
        Assert.Equal(new Rate(2, 2), summary.FirstTimeResolution);
        Assert.Equal(new Rate(1, 2), summary.Satisfaction);
        Assert.Equal(TimeSpan.FromHours(2 + 6 + 8) / 3, summary.AverageHandlingTime);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_database_figures_equal_the_report_computed_case_by_case(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        await scenario.MeasureAsync();
        var scope = DataScope.ForAreas(CaseScenario.Lujiazui, CaseScenario.Huamu, Zhangjiang);

        var inDatabase = (await scenario.Kpis.TotalsAsync(WindowFrom, WindowTo, KpiFilter.None, scope, AsOf)).ToSummary();
        var caseByCase = PerformanceReport.Summarize(await scenario.Cases.Cases.GetFactsAsync(WindowFrom, WindowTo, scope), AsOf, Calendar);

        Assert.Equal(caseByCase, inDatabase);
        var byDepartment = await scenario.Kpis.TotalsByAsync(KpiGrouping.Department, WindowFrom, WindowTo, KpiFilter.None, scope, AsOf);
        var expected = PerformanceReport.By(await scenario.Cases.Cases.GetFactsAsync(WindowFrom, WindowTo, scope), f => f.DepartmentId, AsOf, Calendar);
        Assert.Equal(expected.Select(e => (e.Key, e.Value)), byDepartment.Select(g => (g.Key, g.Totals.ToSummary())));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_case_completed_again_is_measured_again(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);

        // A and B's first completion were measured while the scenario was built; now B (completed again), E and G.
        Assert.Equal(3, await scenario.MeasureAsync());
        Assert.Equal(0, await scenario.MeasureAsync());

        var lujiazui = new KpiFilter { AreaId = CaseScenario.Lujiazui, CategoryCode = "0101" };
        var onlyB = await scenario.Kpis.TotalsAsync(At(16, 0, 0), At(17, 0, 0), lujiazui with { Channel = "hotline" }, TwoStreets, AsOf);
        Assert.Equal(1, onlyB.CaseCount);
        Assert.Equal(TimeSpan.FromHours(6), onlyB.HandlingTime);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Breakdowns_by_department_street_and_channel_hold_only_the_scope(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        await scenario.MeasureAsync();

        var byDepartment = await scenario.Kpis.TotalsByAsync(KpiGrouping.Department, WindowFrom, WindowTo, KpiFilter.None, TwoStreets, AsOf);
        var byStreet = await scenario.Kpis.TotalsByAsync(KpiGrouping.Street, WindowFrom, WindowTo, KpiFilter.None, TwoStreets, AsOf);
        var urbanOnly = await scenario.Kpis.TotalsByAsync(KpiGrouping.Street, WindowFrom, WindowTo, KpiFilter.None,
            DataScope.ForDepartments(CaseScenario.UrbanManagement), AsOf);

        Assert.Equal([(CaseScenario.UrbanManagement, 2), (CaseScenario.WaterAffairs, 2)], byDepartment.Select(g => (g.Key, g.Totals.CaseCount)));
        Assert.Equal(new Rate(1, 2), byDepartment[0].Totals.ToSummary().OnTime);
        Assert.Equal(TimeSpan.FromHours(4), byDepartment[0].Totals.ToSummary().AverageHandlingTime);
        Assert.Equal([(CaseScenario.Lujiazui, 3), (CaseScenario.Huamu, 2)], byStreet.Select(g => (g.Key, g.Totals.CaseCount)));
        Assert.Equal([(CaseScenario.Lujiazui, 2), (Zhangjiang, 1)], urbanOnly.Select(g => (g.Key, g.Totals.CaseCount)));
        Assert.Equal(0, (await scenario.Kpis.TotalsAsync(WindowFrom, WindowTo, KpiFilter.None, new DataScope([], []), AsOf)).CaseCount);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_trend_has_one_entry_per_day_zero_where_nothing_was_opened(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        await scenario.MeasureAsync();

        var perDay = await scenario.Kpis.TotalsPerPeriodAsync([At(15, 0, 0), At(16, 0, 0), At(17, 0, 0), At(18, 0, 0), At(19, 0, 0)],
            KpiFilter.None, TwoStreets, AsOf);

        Assert.Equal([0, 4, 1, 0], perDay.Select(t => t.CaseCount));
        Assert.Equal(new Rate(1, 1), perDay[2].ToSummary().FirstTimeResolution);
        Assert.Equal(TimeSpan.FromHours(8), perDay[2].ToSummary().AverageHandlingTime);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Open_and_overdue_cases_and_intake_by_channel(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);

        var (open, overdue) = await scenario.Kpis.OpenCasesAsync(KpiFilter.None, TwoStreets, AsOf);
        var byStreet = await scenario.Kpis.OpenCasesByAsync(KpiGrouping.Street, KpiFilter.None, TwoStreets, AsOf);
        var intake = await scenario.Kpis.IntakeByChannelAsync(At(16, 0, 0), At(17, 0, 0), KpiFilter.None, TwoStreets);

        // Open: B (reopened), C (handling, past due: overdue), D (reported).
        Assert.Equal((3, 1), (open, overdue));
        Assert.Equal([new OpenCaseCount(CaseScenario.Lujiazui, 1, 0), new OpenCaseCount(CaseScenario.Huamu, 2, 1)], byStreet);
        // Monday: A by a grid inspector and its duplicate call, B by hotline, C and D by app.
        Assert.Equal([new ChannelIntake("app", 2, 2), new ChannelIntake("grid", 1, 1), new ChannelIntake("hotline", 2, 1)], intake);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Cells_of_department_and_street_roll_up_to_each_breakdown_and_the_total(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        await scenario.MeasureAsync();

        var cells = await scenario.Kpis.TotalsByEachAsync([KpiGrouping.Department, KpiGrouping.Street], WindowFrom, WindowTo, KpiFilter.None, TwoStreets, AsOf);

        // D has no department yet: its cell keeps a null key and still counts in the total.
        Assert.Contains(cells, cell => cell.Keys[0] is null && cell.Keys[1] == CaseScenario.Huamu && cell.Totals.CaseCount == 1);
        var total = cells.Aggregate(PerformanceTotals.Zero, (sum, cell) => sum.Add(cell.Totals));
        Assert.Equal(await scenario.Kpis.TotalsAsync(WindowFrom, WindowTo, KpiFilter.None, TwoStreets, AsOf), total);
        var byStreet = await scenario.Kpis.TotalsByAsync(KpiGrouping.Street, WindowFrom, WindowTo, KpiFilter.None, TwoStreets, AsOf);
        foreach (var street in byStreet)
        {
            Assert.Equal(street.Totals, cells.Where(c => c.Keys[1] == street.Key).Aggregate(PerformanceTotals.Zero, (sum, cell) => sum.Add(cell.Totals)));
        }
    }
}
