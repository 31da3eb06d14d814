using System.Net;
using System.Text.Json;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Tests.Cases;
using CityOps.Flow.Web.Tests.Durable;

namespace CityOps.Flow.Web.Tests.Reporting;

/// <summary>The KPI API over the real host, with Monday's cases of <see cref="KpiCases"/> driven to known outcomes.</summary>
public sealed class KpiApiTests : IClassFixture<KpiApiTests.MondayFixture>
{
    private readonly MondayFixture monday;

    public KpiApiTests(MondayFixture monday) => this.monday = monday;

    [Fact]
    public async Task A_leader_sees_Mondays_figures_exactly() =>
        await AssertMondayFiguresAsync(await monday.Scenario.SignInAsync("leader", "Leader#2026"));

    [PostgresFact]
    public async Task A_leader_sees_Mondays_figures_exactly_on_postgres()
    {
        await using var scenario = await KpiHostScenario.StartAsync(postgres: true);
        await KpiCases.FileAsync(scenario);
        await AssertMondayFiguresAsync(await scenario.SignInAsync("leader", "Leader#2026"));
    }

    [Fact]
    public async Task Figures_break_down_by_street_with_open_cases_and_by_channel()
    {
        var leader = await monday.Scenario.SignInAsync("leader", "Leader#2026");

        var byStreet = (await leader.GetAsync("/api/kpi?period=day&date=2026-11-16&by=street")).GetProperty("groups");
        var byChannel = (await leader.GetAsync("/api/kpi?period=day&date=2026-11-16&by=channel")).GetProperty("groups");

        Assert.Equal(
            [(KpiHostScenario.Pujiang, "浦江街道", 2, 1, 0), (KpiHostScenario.Dongming, "东明路街道", 1, 1, 0)],
            byStreet.EnumerateArray().Select(g => (g.GetProperty("key").GetString(), g.GetProperty("name").GetString(),
                g.GetProperty("figures").GetProperty("caseCount").GetInt32(), g.GetProperty("open").GetInt32(), g.GetProperty("overdue").GetInt32())));
        var app = Assert.Single(byChannel.EnumerateArray());
        Assert.Equal(("app", 3), (app.GetProperty("key").GetString(), app.GetProperty("figures").GetProperty("caseCount").GetInt32()));
    }

    [Fact]
    public async Task The_weekly_trend_has_seven_days_with_Mondays_cases_on_the_first()
    {
        var leader = await monday.Scenario.SignInAsync("leader", "Leader#2026");

        var trend = await leader.GetAsync("/api/kpi/trend?period=week&date=2026-11-18");

        Assert.Equal("day", trend.GetProperty("bucket").GetString());
        var points = trend.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal("2026-11-16", points[0].GetProperty("from").GetString());
        Assert.Equal([3, 0, 0, 0, 0, 0, 0], points.Select(p => p.GetProperty("figures").GetProperty("caseCount").GetInt32()));
        Assert.Equal(1.0, points[0].GetProperty("figures").GetProperty("satisfaction").GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Todays_workload_counts_reports_by_channel_and_the_open_cases()
    {
        var leader = await monday.Scenario.SignInAsync("leader", "Leader#2026");

        var workload = await leader.GetAsync("/api/kpi/workload");

        Assert.Equal("2026-11-16", workload.GetProperty("window").GetProperty("from").GetString());
        Assert.Equal((4, 3, 2, 0), (workload.GetProperty("reports").GetInt32(), workload.GetProperty("casesOpened").GetInt32(),
            workload.GetProperty("open").GetInt32(), workload.GetProperty("overdue").GetInt32()));
        var app = Assert.Single(workload.GetProperty("intake").EnumerateArray());
        Assert.Equal(("app", 4, 3), (app.GetProperty("channel").GetString(), app.GetProperty("reports").GetInt32(), app.GetProperty("casesOpened").GetInt32()));
    }

    [Fact]
    public async Task A_street_leader_sees_only_the_case_of_their_street_and_a_handler_only_their_departments()
    {
        await monday.Scenario.CreateUserAsync("dongming-leader", CityRoles.Leader, KpiHostScenario.Dongming);
        var streetLeader = await monday.Scenario.SignInAsync("dongming-leader", "Kpi#2026x");
        var handler = await monday.Scenario.SignInAsync("kpi-handler", "Kpi#2026x");

        var dongming = await streetLeader.GetAsync("/api/kpi?period=day&date=2026-11-16&by=department");
        var ofHandler = await handler.GetAsync("/api/kpi?period=day&date=2026-11-16&by=department");
        var dongmingWorkload = await streetLeader.GetAsync("/api/kpi/workload?period=day&date=2026-11-16");

        Assert.Equal(1, dongming.GetProperty("figures").GetProperty("caseCount").GetInt32());
        Assert.Equal((1, 1), Rate(dongming.GetProperty("figures").GetProperty("returned")));
        Assert.Equal((1, 1, 0), (dongmingWorkload.GetProperty("reports").GetInt32(), dongmingWorkload.GetProperty("open").GetInt32(),
            dongmingWorkload.GetProperty("overdue").GetInt32()));
        // Both automatically routed lamps went to the handler's department; the one filed to water affairs is not theirs.
        var own = Assert.Single(ofHandler.GetProperty("groups").EnumerateArray());
        Assert.Equal((monday.Cases.ClosedDepartment, 2), (own.GetProperty("key").GetString(), own.GetProperty("figures").GetProperty("caseCount").GetInt32()));
        Assert.Equal(0, (await streetLeader.GetAsync("/api/kpi/hotspots")).GetProperty("warnings").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/kpi?period=year", "period")]
    [InlineData("/api/kpi?period=day&date=16/11/2026", "date")]
    [InlineData("/api/kpi?period=range&from=2026-11-01", "to")]
    [InlineData("/api/kpi?period=range&from=2026-11-10&to=2026-11-01", "to")]
    [InlineData("/api/kpi?period=range&from=2024-01-01&to=2026-11-01", "to")]
    [InlineData("/api/kpi?by=mood", "by")]
    [InlineData("/api/kpi?channel=fax", "channel")]
    [InlineData("/api/kpi?category=9999", "category")]
    [InlineData("/api/kpi/trend?bucket=hour", "bucket")]
    [InlineData("/api/kpi/hotspots?level=grid", "level")]
    [InlineData("/api/kpi/hotspots?level=channel", "level")]
    public async Task Bad_parameters_are_problem_details_naming_the_parameter(string path, string field)
    {
        var leader = await monday.Scenario.SignInAsync("leader", "Leader#2026");

        var response = await leader.Http.GetAsync(path);

        var problem = await CaseApiClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var anonymous = monday.Scenario.Host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/kpi")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/kpi/hotspots")).StatusCode);
    }

    /// <summary>
    /// Cases 1–3 of Monday: dispatched 3, returned 1 (case 2), auto 2 (cases 1 and 2); closed 1 and first time; one
    /// satisfied callback; case 1 completed on time after 2 working hours.
    /// </summary>
    private static async Task AssertMondayFiguresAsync(KpiHostScenario.Session leader)
    {
        var report = await leader.GetAsync("/api/kpi?period=day&date=2026-11-16");

        var figures = report.GetProperty("figures");
        Assert.Equal("2026-11-16", report.GetProperty("window").GetProperty("from").GetString());
        Assert.Equal(3, figures.GetProperty("caseCount").GetInt32());
        Assert.Equal((1, 1), Rate(figures.GetProperty("onTime")));
        Assert.Equal(7200, figures.GetProperty("averageHandlingSeconds").GetDouble());
        Assert.Equal((1, 3), Rate(figures.GetProperty("returned")));
        Assert.Equal((1, 1), Rate(figures.GetProperty("firstTimeResolution")));
        Assert.Equal((1, 1), Rate(figures.GetProperty("satisfaction")));
        Assert.Equal((2, 3), Rate(figures.GetProperty("autoDispatched")));
        Assert.Equal(2.0 / 3, figures.GetProperty("autoDispatched").GetProperty("value").GetDouble(), 10);
    }

    private static (int Count, int Of) Rate(JsonElement rate) => (rate.GetProperty("count").GetInt32(), rate.GetProperty("of").GetInt32());

    /// <summary>One host for the class with Monday's cases filed; tests only read (or add users of their own).</summary>
    public sealed class MondayFixture : IAsyncLifetime
    {
        public KpiHostScenario Scenario { get; private set; } = null!;

        public KpiCases Cases { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Scenario = await KpiHostScenario.StartAsync(postgres: false);
            Cases = await KpiCases.FileAsync(Scenario);
        }

        public async Task DisposeAsync() => await Scenario.DisposeAsync();
    }
}
