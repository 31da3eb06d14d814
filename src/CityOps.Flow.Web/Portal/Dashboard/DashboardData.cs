using CityOps.Flow.Storage;
using CityOps.Flow.Web.Api.Reporting;

namespace CityOps.Flow.Web.Portal.Dashboard;

/// <summary>Everything the leaders' dashboard shows, read once per page within the viewer's scope.</summary>
public sealed record DashboardData
{
    /// <summary>How many days a trend shows when the window is a single day: the fortnight ending on it.</summary>
    public const int DayTrendDays = 14;

    public required KpiWindow Window { get; init; }

    /// <summary>Today's intake by channel and the cases open and overdue now.</summary>
    public required WorkloadView Today { get; init; }

    /// <summary>The window's figures, per department (with open and overdue cases).</summary>
    public required KpiReportView ByDepartment { get; init; }

    /// <summary>The window's figures per street.</summary>
    public required KpiReportView ByStreet { get; init; }

    public required KpiTrendView Trend { get; init; }

    public required HotspotListView Hotspots { get; init; }

    public static async Task<DashboardData> LoadAsync(KpiReports reports, DataScope scope, KpiWindow window, CancellationToken ct)
    {
        var names = await reports.NamesAsync(ct);
        var today = reports.Calendar.LocalDate(reports.Now);
        var todayWindow = KpiWindow.Of(KpiPeriod.Day, today, today, reports.Calendar);
        var trendWindow = window.Period == KpiPeriod.Day
            ? KpiWindow.Of(KpiPeriod.Range, window.FirstDay.AddDays(1 - DayTrendDays), window.LastDay, reports.Calendar)
            : window;
        var breakdowns = await reports.BreakdownsAsync(scope, window, KpiFilter.None, [KpiGrouping.Department, KpiGrouping.Street], names, ct);
        return new DashboardData
        {
            Window = window,
            Today = await reports.WorkloadAsync(scope, todayWindow, KpiFilter.None, ct),
            ByDepartment = breakdowns[0],
            ByStreet = breakdowns[1],
            Trend = await reports.TrendAsync(scope, trendWindow, trendWindow.NaturalBucket, KpiFilter.None, ct),
            Hotspots = await reports.HotspotsAsync(scope, KpiGrouping.Community, names, ct),
        };
    }
}
