using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Reporting;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>
/// Key figures, trends, workload and hotspot warnings within a data scope, for the KPI API and the leaders' dashboard.
/// Every read first measures the handling time of cases completed since the last read, so figures are never stale.
/// </summary>
public sealed class KpiReports(KpiRepository kpis, WorkingTimeCalendar calendar, TimeProvider clock, OrgRepository org, CategoryCatalog catalog)
{
    /// <summary>Hotspots compare the last 24 hours with the 14 days before, day by day.</summary>
    public static HotspotOptions HotspotOptions { get; } = HotspotOptions.Daily;

    private readonly HotspotDetector _hotspots = new(HotspotOptions);

    public WorkingTimeCalendar Calendar => calendar;

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<KpiNames> NamesAsync(CancellationToken ct) =>
        new(await org.ListAreasAsync(ct), await org.ListDepartmentsAsync(ct), catalog);

    /// <summary>The figures over the window and, when <paramref name="by"/> is given, per group with its open and overdue cases.</summary>
    public async Task<KpiReportView> ReportAsync(
        DataScope scope, KpiWindow window, KpiFilter filter, KpiGrouping? by, KpiNames names, CancellationToken ct)
    {
        if (by is { } grouping)
        {
            return (await BreakdownsAsync(scope, window, filter, [grouping], names, ct))[0];
        }

        var now = Now;
        await kpis.MeasureHandlingTimesAsync(calendar, ct);
        var totals = await kpis.TotalsAsync(window.From, window.To, filter, scope, now, ct);
        return new KpiReportView(KpiWindowView.Of(window), now, null, KpiFiguresView.From(totals), null);
    }

    /// <summary>
    /// The figures over the window broken down each way asked for (one report per grouping, each with the overall
    /// figures), from a single pass over the window's cases.
    /// </summary>
    public async Task<IReadOnlyList<KpiReportView>> BreakdownsAsync(
        DataScope scope, KpiWindow window, KpiFilter filter, IReadOnlyList<KpiGrouping> groupings, KpiNames names, CancellationToken ct)
    {
        var now = Now;
        await kpis.MeasureHandlingTimesAsync(calendar, ct);
        var cells = await kpis.TotalsByEachAsync(groupings, window.From, window.To, filter, scope, now, ct);
        var overall = KpiFiguresView.From(cells.Aggregate(PerformanceTotals.Zero, (sum, cell) => sum.Add(cell.Totals)));
        var reports = new List<KpiReportView>();
        for (var i = 0; i < groupings.Count; i++)
        {
            var index = i;
            var byKey = cells
                .Where(cell => cell.Keys[index] is not null)
                .GroupBy(cell => cell.Keys[index]!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Aggregate(PerformanceTotals.Zero, (sum, cell) => sum.Add(cell.Totals)), StringComparer.Ordinal);
            var open = (await kpis.OpenCasesByAsync(groupings[i], filter, scope, now, ct)).ToDictionary(o => o.Key, StringComparer.Ordinal);
            IReadOnlyList<KpiGroupView> groups = [.. byKey.Keys.Union(open.Keys).Order(StringComparer.Ordinal).Select(key => new KpiGroupView(
                key,
                names.Of(groupings[index], key),
                KpiFiguresView.From(byKey.GetValueOrDefault(key) ?? PerformanceTotals.Zero),
                open.TryGetValue(key, out var o) ? o.Open : 0,
                o?.Overdue ?? 0))];
            reports.Add(new KpiReportView(KpiWindowView.Of(window), now, groupings[i].ToString().ToLowerInvariant(), overall, groups));
        }

        return reports;
    }

    /// <summary>The figures of each day, week or month of the window.</summary>
    public async Task<KpiTrendView> TrendAsync(DataScope scope, KpiWindow window, KpiBucket bucket, KpiFilter filter, CancellationToken ct)
    {
        var now = Now;
        await kpis.MeasureHandlingTimesAsync(calendar, ct);
        var parts = window.Split(bucket);
        var boundaries = parts.Select(p => KpiWindow.Of(window.Period, p.First, p.Last, calendar).From).Append(window.To).ToList();
        var totals = await kpis.TotalsPerPeriodAsync(boundaries, filter, scope, now, ct);
        return new KpiTrendView(
            KpiWindowView.Of(window),
            bucket.ToString().ToLowerInvariant(),
            [.. parts.Select((p, i) => new KpiTrendPoint(p.First, p.Last, KpiFiguresView.From(totals[i])))]);
    }

    /// <summary>Reports and cases that came in during the window by channel, and the cases open and overdue now.</summary>
    public async Task<WorkloadView> WorkloadAsync(DataScope scope, KpiWindow window, KpiFilter filter, CancellationToken ct)
    {
        var now = Now;
        var intake = await kpis.IntakeByChannelAsync(window.From, window.To, filter, scope, ct);
        var (open, overdue) = await kpis.OpenCasesAsync(filter, scope, now, ct);
        return new WorkloadView(
            KpiWindowView.Of(window), now, intake.Sum(i => i.Reports), intake.Sum(i => i.CasesOpened), open, overdue,
            [.. intake.Select(i => new ChannelIntakeView(i.Channel, i.Reports, i.CasesOpened))]);
    }

    /// <summary>Categories rising in a street or community over the last 24 hours against the 14 days before.</summary>
    public async Task<HotspotListView> HotspotsAsync(DataScope scope, KpiGrouping level, KpiNames names, CancellationToken ct)
    {
        var end = Now;
        var counts = await kpis.HotspotCountsAsync(_hotspots.Windows(end), level, scope, ct);
        var warnings = _hotspots.Assess(counts);
        return new HotspotListView(end, level.ToString().ToLowerInvariant(), HotspotOptions.TrailingWindows,
            [.. warnings.Select(w => new HotspotView(
                w.AreaId, names.Area(w.AreaId), w.CategoryCode, names.Category(w.CategoryCode),
                w.CurrentCount, w.BaselineMean, Math.Round(w.CurrentCount / Math.Max(w.BaselineMean, HotspotOptions.BaselineFloor), 2), w.PValue))]);
    }
}
