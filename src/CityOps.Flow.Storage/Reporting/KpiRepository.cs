using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Cases.Reporting;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using Dapper;

namespace CityOps.Flow.Storage;

/// <summary>
/// Key figures aggregated in SQL over the cases opened in a window, always within the caller's <see cref="DataScope"/>:
/// one pass over the covering index <c>ix_cases_kpi</c> per breakdown, never a case loaded into memory. The figures mean
/// what <see cref="PerformanceReport"/> computes from <see cref="CaseFacts"/>; handling time is working time, measured
/// once per completion by <see cref="MeasureHandlingTimesAsync"/>.
/// </summary>
public sealed partial class KpiRepository(IDbConnectionFactory connections)
{
    private const int MeasureBatch = 2_000;

    /// <summary>
    /// The open statuses, written as literals exactly as the partial index <c>ix_cases_open</c> names them: a database
    /// uses a partial index only when the query repeats its condition.
    /// </summary>
    private static readonly string IsOpen = StatusIn(
        CaseStatus.Reported, CaseStatus.Filed, CaseStatus.Dispatched, CaseStatus.Handling, CaseStatus.JointHandling,
        CaseStatus.AwaitingReview, CaseStatus.AwaitingCallback, CaseStatus.Reopened);

    /// <summary>The statuses in which the department's time limit runs, so passing the due time makes the case overdue.</summary>
    private static readonly string LimitRunning = StatusIn(CaseStatus.Dispatched, CaseStatus.Handling, CaseStatus.JointHandling);

    private SqlDialect Dialect => connections.Dialect;

    private static string StatusIn(params CaseStatus[] statuses) => $"c.status IN ({string.Join(", ", statuses.Select(s => $"'{s}'"))})";

    /// <summary>Totals over the cases opened in [<paramref name="from"/>, <paramref name="to"/>); lateness of open cases is judged at <paramref name="asOf"/>.</summary>
    public async Task<PerformanceTotals> TotalsAsync(
        DateTimeOffset from, DateTimeOffset to, KpiFilter filter, DataScope scope, DateTimeOffset asOf, CancellationToken ct = default)
    {
        var parameters = WindowParameters(from, to, asOf);
        var sql = $"SELECT {Aggregates} FROM {KpiCases} WHERE {WindowCondition} AND {Conditions(filter, scope, parameters)}";
        await using var connection = await connections.OpenAsync(ct);
        var row = await connection.QuerySingleAsync<TotalsRow>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return row.ToTotals();
    }

    /// <summary>Totals per department, area, category or channel, ordered by key; cases without the key (not yet dispatched, unplaced) are left out.</summary>
    public async Task<IReadOnlyList<KpiGroup>> TotalsByAsync(
        KpiGrouping grouping, DateTimeOffset from, DateTimeOffset to, KpiFilter filter, DataScope scope, DateTimeOffset asOf,
        CancellationToken ct = default)
    {
        var key = KeyColumn(grouping);
        var parameters = WindowParameters(from, to, asOf);
        var sql = $"""
            SELECT {key} AS GroupKey, {Aggregates} FROM {KpiCases}
            WHERE {WindowCondition} AND {key} IS NOT NULL AND {Conditions(filter, scope, parameters)}
            GROUP BY {key} ORDER BY {key}
            """;
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<TotalsRow>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return [.. rows.Select(r => new KpiGroup(r.GroupKey!, r.ToTotals())).OrderBy(g => g.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Totals per combination of several keys in one pass, so a page that shows figures overall, per department and per
    /// street reads the window once and rolls the cells up; cells with a null key are kept.
    /// </summary>
    public async Task<IReadOnlyList<KpiCell>> TotalsByEachAsync(
        IReadOnlyList<KpiGrouping> groupings, DateTimeOffset from, DateTimeOffset to, KpiFilter filter, DataScope scope, DateTimeOffset asOf,
        CancellationToken ct = default)
    {
        if (groupings.Count is < 1 or > 3)
        {
            throw new ArgumentException("between one and three keys", nameof(groupings));
        }

        var keys = groupings.Select(KeyColumn).ToList();
        var parameters = WindowParameters(from, to, asOf);
        var sql = $"""
            SELECT {string.Join(", ", keys.Select((key, i) => $"{key} AS Key{i}"))}, {Aggregates} FROM {KpiCases}
            WHERE {WindowCondition} AND {Conditions(filter, scope, parameters)}
            GROUP BY {string.Join(", ", keys)}
            """;
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<TotalsRow>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return [.. rows.Select(r => new KpiCell(new[] { r.Key0, r.Key1, r.Key2 }.Take(keys.Count).ToList(), r.ToTotals()))];
    }

    /// <summary>
    /// Totals per consecutive period (the trend): <paramref name="boundaries"/> are the n + 1 ascending instants that
    /// delimit n periods; the answer has one totals per period, zero where nothing was opened.
    /// </summary>
    public async Task<IReadOnlyList<PerformanceTotals>> TotalsPerPeriodAsync(
        IReadOnlyList<DateTimeOffset> boundaries, KpiFilter filter, DataScope scope, DateTimeOffset asOf, CancellationToken ct = default)
    {
        if (boundaries.Count < 2 || boundaries.Zip(boundaries.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            throw new ArgumentException("periods need at least two ascending boundaries", nameof(boundaries));
        }

        // One index range scan per period: the periods are a VALUES list joined on the opening time.
        var parameters = WindowParameters(boundaries[0], boundaries[^1], asOf);
        var periods = Periods(boundaries.Zip(boundaries.Skip(1)).ToList(), parameters);
        var sql = $"""
            SELECT p.column1 AS Period, {Aggregates} FROM {periods} p JOIN {KpiCases} ON c.opened_at >= p.column2 AND c.opened_at < p.column3
            WHERE {Conditions(filter, scope, parameters)}
            GROUP BY p.column1
            """;
        await using var connection = await connections.OpenAsync(ct);
        var rows = (await connection.QueryAsync<TotalsRow>(new CommandDefinition(sql, parameters, cancellationToken: ct)))
            .ToDictionary(r => (int)r.Period);
        return [.. Enumerable.Range(0, boundaries.Count - 1).Select(i => rows.TryGetValue(i, out var row) ? row.ToTotals() : PerformanceTotals.Zero)];
    }

    /// <summary>Open and overdue cases at <paramref name="now"/> (whenever they were opened), per key, ordered by key.</summary>
    public async Task<IReadOnlyList<OpenCaseCount>> OpenCasesByAsync(
        KpiGrouping grouping, KpiFilter filter, DataScope scope, DateTimeOffset now, CancellationToken ct = default)
    {
        var key = KeyColumn(grouping);
        var parameters = new DynamicParameters(new { Now = Instant(now) });
        var sql = $"""
            SELECT {key} AS GroupKey, COUNT(*) AS Open,
                SUM(CASE WHEN {LimitRunning} AND c.due_at <= @Now THEN 1 ELSE 0 END) AS Overdue
            FROM cases c
            WHERE {IsOpen} AND {key} IS NOT NULL AND {Conditions(filter, scope, parameters)}
            GROUP BY {key}
            """;
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<OpenRow>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return [.. rows.Select(r => new OpenCaseCount(r.GroupKey, (int)r.Open, (int)(r.Overdue ?? 0))).OrderBy(r => r.Key, StringComparer.Ordinal)];
    }

    /// <summary>Open and overdue cases at <paramref name="now"/> in the scope, whatever their key.</summary>
    public async Task<(int Open, int Overdue)> OpenCasesAsync(KpiFilter filter, DataScope scope, DateTimeOffset now, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters(new { Now = Instant(now) });
        var sql = $"""
            SELECT COUNT(*) AS Open,
                SUM(CASE WHEN {LimitRunning} AND c.due_at <= @Now THEN 1 ELSE 0 END) AS Overdue
            FROM cases c
            WHERE {IsOpen} AND {Conditions(filter, scope, parameters)}
            """;
        await using var connection = await connections.OpenAsync(ct);
        var row = await connection.QuerySingleAsync<OpenRow>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return ((int)row.Open, (int)(row.Overdue ?? 0));
    }

    /// <summary>
    /// Reports received in [<paramref name="from"/>, <paramref name="to"/>) per channel (duplicates included) and the
    /// cases first reported through it, ordered by channel code.
    /// </summary>
    public async Task<IReadOnlyList<ChannelIntake>> IntakeByChannelAsync(
        DateTimeOffset from, DateTimeOffset to, KpiFilter filter, DataScope scope, CancellationToken ct = default)
    {
        var parameters = WindowParameters(from, to, to);
        var reportsSql = $"""
            SELECT r.channel AS GroupKey, COUNT(*) AS Open FROM case_reports r JOIN cases c ON c.id = r.case_id
            WHERE r.received_at >= @From AND r.received_at < @To AND {Conditions(filter, scope, parameters)}
            GROUP BY r.channel
            """;
        var casesSql = $"""
            SELECT c.channel AS GroupKey, COUNT(*) AS Open FROM cases c
            WHERE {WindowCondition} AND {Conditions(filter, scope, parameters)}
            GROUP BY c.channel
            """;
        await using var connection = await connections.OpenAsync(ct);
        var reports = (await connection.QueryAsync<OpenRow>(new CommandDefinition(reportsSql, parameters, cancellationToken: ct)))
            .ToDictionary(r => r.GroupKey, r => (int)r.Open, StringComparer.Ordinal);
        var opened = (await connection.QueryAsync<OpenRow>(new CommandDefinition(casesSql, parameters, cancellationToken: ct)))
            .ToDictionary(r => r.GroupKey, r => (int)r.Open, StringComparer.Ordinal);
        return [.. reports.Keys.Union(opened.Keys).Order(StringComparer.Ordinal)
            .Select(channel => new ChannelIntake(channel, reports.GetValueOrDefault(channel), opened.GetValueOrDefault(channel)))];
    }

    /// <summary>
    /// Reports per area and category in each of <paramref name="windows"/> (index 0 the current one), for
    /// <see cref="HotspotDetector.Assess"/>: every report counts, duplicates included, under its case's street or community.
    /// </summary>
    public async Task<IReadOnlyList<HotspotCounts>> HotspotCountsAsync(
        IReadOnlyList<HotspotWindow> windows, KpiGrouping areaLevel, DataScope scope, CancellationToken ct = default)
    {
        if (areaLevel is not (KpiGrouping.Street or KpiGrouping.Community))
        {
            throw new ArgumentException("hotspots are counted per street or per community", nameof(areaLevel));
        }

        var area = KeyColumn(areaLevel);
        var parameters = new DynamicParameters();
        var periods = Periods([.. windows.Select(w => (w.Start, w.End))], parameters);
        var sql = $"""
            SELECT {area} AS AreaId, r.category_code AS CategoryCode, p.column1 AS WindowIndex, COUNT(*) AS Reports
            FROM {periods} p JOIN case_reports r ON r.received_at >= p.column2 AND r.received_at < p.column3
            JOIN cases c ON c.id = r.case_id
            WHERE {area} IS NOT NULL AND {ScopeFilter(scope, parameters)}
            GROUP BY 1, 2, 3
            """;
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<HotspotRow>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return [.. rows
            .Where(r => r.WindowIndex >= 0)
            .GroupBy(r => (r.AreaId, r.CategoryCode))
            .Select(g =>
            {
                var perWindow = new int[windows.Count];
                foreach (var row in g)
                {
                    perWindow[(int)row.WindowIndex] += (int)row.Reports;
                }

                return new HotspotCounts(g.Key.AreaId, g.Key.CategoryCode, perWindow);
            })
            .OrderBy(c => c.AreaId, StringComparer.Ordinal).ThenBy(c => c.CategoryCode, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Measures the working-time handling of every case completed since it was last measured (a first completion, or
    /// a new one after a send-back or reopening) and keeps it on the case; returns how many were measured. Cheap when
    /// nothing is pending: the pending cases are a partial index.
    /// </summary>
    public async Task<int> MeasureHandlingTimesAsync(WorkingTimeCalendar calendar, CancellationToken ct = default)
    {
        var pending = Dialect == SqlDialect.Postgres
            ? "c.completed_at IS NOT NULL AND c.handling_measured_for IS DISTINCT FROM c.completed_at"
            : "c.completed_at IS NOT NULL AND c.handling_measured_for IS NOT c.completed_at";
        var measured = 0;
        await using var connection = await connections.OpenAsync(ct);
        while (true)
        {
            var rows = (await connection.QueryAsync<PendingRow>(new CommandDefinition(
                $"SELECT c.row_id AS RowId, c.first_dispatched_at AS FirstDispatchedAt, c.completed_at AS CompletedAt FROM cases c WHERE {pending} ORDER BY c.row_id LIMIT {MeasureBatch}",
                cancellationToken: ct))).ToList();
            if (rows.Count == 0)
            {
                return measured;
            }

            await using var transaction = await connection.BeginTransactionAsync(ct);
            foreach (var row in rows)
            {
                var completedAt = SqlValues.ReadInstant(row.CompletedAt)!.Value;
                long? seconds = SqlValues.ReadInstant(row.FirstDispatchedAt) is { } dispatchedAt && completedAt >= dispatchedAt
                    ? (long)HandlingTimes.InWorkingTime(calendar, dispatchedAt, completedAt).TotalSeconds
                    : null;
                // The completion is matched again so a case completed anew meanwhile stays pending.
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE cases SET handling_work_seconds = @seconds, handling_measured_for = completed_at WHERE row_id = @RowId AND completed_at = @CompletedAt",
                    new { seconds, row.RowId, CompletedAt = Instant(completedAt) },
                    transaction,
                    cancellationToken: ct));
            }

            await transaction.CommitAsync(ct);
            measured += rows.Count;
        }
    }
}
