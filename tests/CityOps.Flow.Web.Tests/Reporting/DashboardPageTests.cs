using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Reporting;

/// <summary>The dashboard page served by the real host with Monday's cases: every figure readable in the HTML.</summary>
public sealed class DashboardPageTests(KpiApiTests.MondayFixture monday) : IClassFixture<KpiApiTests.MondayFixture>
{
    [Fact]
    public async Task A_leader_reads_todays_intake_the_days_figures_and_the_tables_without_script()
    {
        var page = await PageAsync("leader", "Leader#2026", "/dashboard?period=day&date=2026-11-16");

        Assert.Equal("4", Figure(page, "intake-today"));
        Assert.Equal("2", Figure(page, "open"));
        Assert.Equal("0", Figure(page, "overdue"));
        Assert.Equal("3", Figure(page, "cases"));
        Assert.Equal("100.0%", Figure(page, "on-time"));
        Assert.Equal("100.0%", Figure(page, "satisfaction"));
        Assert.Equal("66.7%", Figure(page, "auto-dispatch"));
        Assert.Equal("2.0", Figure(page, "handling"));
        Assert.Equal("33.3%", Figure(page, "returned"));
        Assert.Equal("3 件中 2 件", page.QuerySelector("[data-figure=auto-dispatch] [data-detail]")!.TextContent.Trim());
        var streets = page.QuerySelectorAll("[data-table=streets] tbody tr");
        Assert.Equal(["浦江街道", "东明路街道"], streets.Select(row => row.QuerySelector("[data-cell=name]")!.TextContent.Trim()));
        Assert.Equal(["2", "1"], streets.Select(row => row.QuerySelector("[data-cell=cases]")!.TextContent.Trim()));
        Assert.Equal("4", page.QuerySelector("[data-table=intake] tr[data-key=app] [data-cell=reports]")!.TextContent.Trim());
        Assert.Equal(14, page.QuerySelectorAll("[data-table=trend] tbody tr").Length);
    }

    [Fact]
    public async Task The_charts_get_the_same_figures_as_json_in_the_page()
    {
        var page = await PageAsync("leader", "Leader#2026", "/dashboard?period=week&date=2026-11-16");

        var chart = JsonDocument.Parse(page.QuerySelector("#dashboard-chart-data")!.TextContent).RootElement;

        Assert.Equal(["11-16", "11-17", "11-18", "11-19", "11-20", "11-21", "11-22"], chart.GetProperty("trend").GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal([3, 0, 0, 0, 0, 0, 0], chart.GetProperty("trend").GetProperty("cases").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(66.7, chart.GetProperty("trend").GetProperty("autoDispatched")[0].GetDouble());
        Assert.Equal(JsonValueKind.Null, chart.GetProperty("trend").GetProperty("onTime")[1].ValueKind);
        var app = Assert.Single(chart.GetProperty("channels").EnumerateArray());
        Assert.Equal(("市民App", 4), (app.GetProperty("name").GetString(), app.GetProperty("value").GetInt32()));
        Assert.Equal(2, page.QuerySelectorAll("[data-chart]").Length);
        Assert.NotNull(page.QuerySelector("script[src='dist/pages/dashboard.js']"));
    }

    [Fact]
    public async Task A_bad_window_is_named_and_this_month_is_shown_instead()
    {
        var page = await PageAsync("leader", "Leader#2026", "/dashboard?period=range&from=2026-11-20&to=2026-11-01");

        Assert.Contains("to:", page.QuerySelector("[data-role=window-problem]")!.TextContent);
        Assert.Equal("2026-11-01 至 2026-11-30 立案的工单", page.QuerySelector("[data-role=window-heading]")!.TextContent.Trim());
        Assert.Equal("3", Figure(page, "cases"));
    }

    [Fact]
    public async Task Operators_are_not_shown_the_dashboard()
    {
        var client = new PortalClient(monday.Scenario.Host);
        await client.SignInAsync("operator", "Operator#2026");

        var response = await client.Http.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/dashboard", PortalClient.PathOf(response.Headers.Location!));
    }

    private async Task<IHtmlDocument> PageAsync(string userName, string password, string path)
    {
        var client = new PortalClient(monday.Scenario.Host);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(userName, password)).StatusCode);
        return await client.GetPageAsync(path);
    }

    private static string Figure(IHtmlDocument page, string key) =>
        page.QuerySelector($"[data-figure={key}] [data-value]")?.TextContent.Trim()
        ?? throw new Xunit.Sdk.XunitException($"no figure {key} on the page");
}
