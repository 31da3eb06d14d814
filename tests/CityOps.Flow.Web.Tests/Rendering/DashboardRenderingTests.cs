using CityOps.Flow.Web.Api.Reporting;
using CityOps.Flow.Web.Portal.Dashboard;

namespace CityOps.Flow.Web.Tests.Rendering;

public sealed class DashboardRenderingTests
{
    private static readonly DateOnly Day = new(2026, 11, 16);
    private static readonly DateTimeOffset Start = new(2026, 11, 16, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Shares_are_percentages_with_their_counts_and_nothing_counted_is_a_dash()
    {
        var page = await RenderAsync(Data(Figures(cases: 20, onTime: new(19, 20, 0.95), satisfaction: new(0, 0, null))));

        Assert.Equal("95.0%", Value(page, "on-time"));
        Assert.Equal("20 件中 19 件", page.QuerySelector("[data-figure=on-time] [data-detail]")!.TextContent.Trim());
        Assert.Equal("—", Value(page, "satisfaction"));
        Assert.Equal("1.5", Value(page, "handling"));
    }

    [Fact]
    public async Task Overdue_figures_stand_out_and_groups_list_in_the_order_given()
    {
        var data = Data(Figures(cases: 3)) with
        {
            ByDepartment = Report([new("dept-water", "区水务局", Figures(cases: 2), Open: 2, Overdue: 1), new("dept-power", "区供电公司", Figures(cases: 1), Open: 0, Overdue: 0)]),
            Today = Workload(open: 2, overdue: 1),
        };

        var page = await RenderAsync(data);

        Assert.Contains("text-danger", page.QuerySelector("[data-figure=overdue] [data-value]")!.ClassList);
        var rows = page.QuerySelectorAll("[data-table=departments] tbody tr");
        Assert.Equal(["dept-water", "dept-power"], rows.Select(r => r.GetAttribute("data-key")));
        Assert.Contains("text-danger", rows[0].QuerySelector("[data-cell=overdue]")!.ClassList);
        Assert.DoesNotContain("text-danger", rows[1].QuerySelector("[data-cell=overdue]")!.ClassList);
    }

    [Fact]
    public async Task Hotspots_name_the_community_and_category_or_say_there_are_none()
    {
        var warning = new HotspotView("310199001001", "江月社区", "0402", "古树名木", 8, 1.0, 8.0, 1e-5);
        var withWarning = await RenderAsync(Data(Figures(cases: 1)) with { Hotspots = new HotspotListView(Start, "community", 14, [warning]) });
        var without = await RenderAsync(Data(Figures(cases: 1)));

        var row = withWarning.QuerySelector("[data-table=hotspots] tr[data-key='310199001001/0402']")!;
        Assert.Contains("江月社区", row.TextContent);
        Assert.Equal("8.0×", row.QuerySelector("[data-cell=ratio]")!.TextContent.Trim());
        Assert.NotNull(without.QuerySelector("[data-role=no-hotspots]"));
    }

    [Fact]
    public async Task The_dashboard_speaks_english_for_english_users()
    {
        var page = await new ComponentRenderer { Culture = "en" }.RenderAsync<DashboardView>(Parameters(Data(Figures(cases: 1))));

        Assert.Equal("On-time rate", page.QuerySelector("[data-figure=on-time] .subheader")!.TextContent.Trim());
        Assert.Equal("Citizens' apps", page.QuerySelector("[data-table=intake] tr[data-key=app] td")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_name_cannot_break_out_of_the_chart_data()
    {
        var data = Data(Figures(cases: 1)) with { Today = Workload(open: 0, overdue: 0, channel: "</script><img src=x onerror=alert(1)>") };

        var page = await RenderAsync(data);

        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Contains("\\u003C/script\\u003E", page.QuerySelector("#dashboard-chart-data")!.InnerHtml);
    }

    private static Task<AngleSharp.Html.Dom.IHtmlDocument> RenderAsync(DashboardData data) =>
        new ComponentRenderer().RenderAsync<DashboardView>(Parameters(data));

    private static Dictionary<string, object?> Parameters(DashboardData data) => new() { [nameof(DashboardView.Data)] = data };

    private static string Value(AngleSharp.Html.Dom.IHtmlDocument page, string key) =>
        page.QuerySelector($"[data-figure={key}] [data-value]")!.TextContent.Trim();

    private static KpiFiguresView Figures(int cases, RateView? onTime = null, RateView? satisfaction = null) =>
        new(cases, onTime ?? new(1, 1, 1), 5400, new(0, 1, 0), new(1, 1, 1), satisfaction ?? new(1, 1, 1), new(1, 1, 1));

    private static KpiWindowView WindowView => new("day", Day, Day, Start, Start.AddDays(1));

    private static KpiReportView Report(IReadOnlyList<KpiGroupView> groups) => new(WindowView, Start, "department", Figures(cases: groups.Sum(g => g.Figures.CaseCount)), groups);

    private static WorkloadView Workload(int open, int overdue, string channel = "app") =>
        new(WindowView, Start, 4, 3, open, overdue, [new ChannelIntakeView(channel, 4, 3)]);

    private static DashboardData Data(KpiFiguresView figures) => new()
    {
        Window = new KpiWindow(KpiPeriod.Day, Day, Day, Start, Start.AddDays(1)),
        Today = Workload(open: 1, overdue: 0),
        ByDepartment = new KpiReportView(WindowView, Start, "department", figures, []),
        ByStreet = new KpiReportView(WindowView, Start, "street", figures, []),
        Trend = new KpiTrendView(WindowView, "day", [new KpiTrendPoint(Day, Day, figures)]),
        Hotspots = new HotspotListView(Start, "community", 14, []),
    };
}
