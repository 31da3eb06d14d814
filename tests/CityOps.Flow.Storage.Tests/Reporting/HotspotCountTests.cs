using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Reporting;
using CityOps.Flow.Storage.Tests.Cases;
using CityOps.Flow.Storage.Tests.Databases;

namespace CityOps.Flow.Storage.Tests.Reporting;

public sealed class HotspotCountTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 18, 0, 0, TimeSpan.FromHours(8));

    [Theory, OnSqlite, OnPostgres]
    public async Task Waterlogging_rising_in_one_community_is_warned_of_and_a_steady_category_is_not(SqlDialect dialect)
    {
        var scenario = await CaseScenario.CreateAsync(databases, dialect);
        var occurrences = new List<ReportOccurrence>();
        // Fourteen days of one waterlogging report a day, then eight in the last day; lamps steady at three a day throughout.
        for (var day = 14; day >= 0; day--)
        {
            var waterlogging = day == 0 ? 8 : 1;
            await FileAsync(scenario, "0402", day, waterlogging, occurrences);
            await FileAsync(scenario, "0109", day, 3, occurrences);
        }

        // A report outside the scope counts for nobody in it.
        await scenario.OpenAsync(CaseScenario.Report("elsewhere", "积水", Now.AddHours(-1), categoryCode: "0402"), CaseScenario.Huamu, communityId: "310115013001");
        var detector = new HotspotDetector();
        var counts = await new KpiRepository(scenario.Database).HotspotCountsAsync(
            detector.Windows(Now), KpiGrouping.Community, DataScope.ForAreas(CaseScenario.Lujiazui), default);

        Assert.Equal([(CaseScenario.LujiazuiCommunity, "0109"), (CaseScenario.LujiazuiCommunity, "0402")], counts.Select(c => (c.AreaId, c.CategoryCode)));
        Assert.Equal([8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], counts[1].PerWindow);
        var warning = Assert.Single(detector.Assess(counts));
        Assert.Equal((CaseScenario.LujiazuiCommunity, "0402", 8, 1.0), (warning.AreaId, warning.CategoryCode, warning.CurrentCount, warning.BaselineMean));
        Assert.Equal(detector.Detect(occurrences, Now), detector.Assess(counts));
    }

    /// <summary>One case a day in Lujiazui's community, the other reports of the day joined to it (duplicates count).</summary>
    private static async Task FileAsync(CaseScenario scenario, string category, int daysAgo, int reports, List<ReportOccurrence> occurrences)
    {
        string? caseId = null;
        for (var i = 0; i < reports; i++)
        {
            var at = Now.AddDays(-daysAgo).AddHours(-2).AddMinutes(-i);
            var report = CaseScenario.Report($"{category}-{daysAgo}-{i}", "积水/路灯", at, Channel.IotSensor, category);
            if (caseId is null)
            {
                caseId = (await scenario.OpenAsync(report, CaseScenario.Lujiazui, communityId: CaseScenario.LujiazuiCommunity)).Id;
            }
            else
            {
                await scenario.Cases.JoinCaseAsync(caseId, (await scenario.Cases.RecordReportAsync(report)).ReportId);
            }

            occurrences.Add(new ReportOccurrence(CaseScenario.LujiazuiCommunity, category, at));
        }
    }
}
