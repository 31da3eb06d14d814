using CityOps.Flow.Cases.Reporting;
using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class KpiRepository
{
    private const string WindowCondition = "c.opened_at >= @From AND c.opened_at < @To";

    /// <summary>The sums behind <see cref="PerformanceTotals"/>, case by case as <see cref="PerformanceTotals.Of"/> counts them.</summary>
    private string Aggregates => $"""
        COUNT(*) AS CaseCount,
        SUM(CASE WHEN c.due_at IS NOT NULL AND (c.completed_at IS NOT NULL OR (c.closed_at IS NULL AND c.due_at < @AsOf)) THEN 1 ELSE 0 END) AS DueCounted,
        SUM(CASE WHEN c.due_at IS NOT NULL AND c.completed_at <= c.due_at THEN 1 ELSE 0 END) AS OnTime,
        SUM(CASE WHEN c.first_dispatched_at IS NOT NULL THEN 1 ELSE 0 END) AS Dispatched,
        SUM(CASE WHEN c.first_dispatched_at IS NOT NULL AND c.return_count > 0 THEN 1 ELSE 0 END) AS Returned,
        SUM(CASE WHEN c.first_dispatched_at IS NOT NULL AND {IsTrue("c.auto_dispatched")} THEN 1 ELSE 0 END) AS AutoDispatched,
        SUM(CASE WHEN c.closed_at IS NOT NULL THEN 1 ELSE 0 END) AS Closed,
        SUM(CASE WHEN c.closed_at IS NOT NULL AND c.return_count = 0 AND c.send_back_count = 0 AND c.reopen_count = 0 THEN 1 ELSE 0 END) AS FirstTimeResolved,
        SUM(CASE WHEN c.citizen_satisfied IS NOT NULL THEN 1 ELSE 0 END) AS Callbacks,
        SUM(CASE WHEN {IsTrue("c.citizen_satisfied")} THEN 1 ELSE 0 END) AS Satisfied,
        SUM(CASE WHEN c.completed_at >= c.first_dispatched_at THEN 1 ELSE 0 END) AS HandlingMeasured,
        SUM(CASE WHEN c.completed_at >= c.first_dispatched_at THEN c.handling_work_seconds ELSE 0 END) AS HandlingSeconds
        """;

    /// <summary>
    /// The cases table for aggregates. SQLite is told to read the covering index: left alone it prefers an index that
    /// delivers the GROUP BY order and then reads every row from the table, ten times slower over a year.
    /// </summary>
    private string KpiCases => Dialect == SqlDialect.Sqlite ? "cases c INDEXED BY ix_cases_kpi" : "cases c";

    /// <summary>A VALUES list (index, start, end) of half-open periods, for joining rows to the period they fall in.</summary>
    private string Periods(IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> periods, DynamicParameters parameters) =>
        "(VALUES " + string.Join(", ", periods.Select((period, i) =>
        {
            parameters.Add($"P{i}S", Instant(period.Start));
            parameters.Add($"P{i}E", Instant(period.End));
            return $"({i}, @P{i}S, @P{i}E)";
        })) + ")";

    private static string KeyColumn(KpiGrouping grouping) => grouping switch
    {
        KpiGrouping.Department => "c.lead_department_id",
        KpiGrouping.Street => "c.street_id",
        KpiGrouping.Community => "c.community_id",
        KpiGrouping.Category => "c.category_code",
        KpiGrouping.Channel => "c.channel",
        _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "not a KPI breakdown"),
    };

    private string IsTrue(string column) => Dialect == SqlDialect.Postgres ? $"{column}" : $"{column} = 1";

    private DynamicParameters WindowParameters(DateTimeOffset from, DateTimeOffset to, DateTimeOffset asOf) =>
        new(new { From = Instant(from), To = Instant(to), AsOf = Instant(asOf) });

    /// <summary>The filter's conditions and the scope's, joined with AND.</summary>
    private string Conditions(KpiFilter filter, DataScope scope, DynamicParameters parameters)
    {
        var conditions = new List<string> { ScopeFilter(scope, parameters) };
        if (filter.DepartmentId is { } department)
        {
            parameters.Add("FilterDepartment", department);
            conditions.Add("c.lead_department_id = @FilterDepartment");
        }

        if (filter.AreaId is { } area)
        {
            parameters.Add("FilterArea", area);
            conditions.Add("(c.street_id = @FilterArea OR c.community_id = @FilterArea OR c.grid_id = @FilterArea)");
        }

        if (filter.CategoryCode is { } category)
        {
            parameters.Add("FilterCategory", category);
            conditions.Add("c.category_code = @FilterCategory");
        }

        if (filter.Channel is { } channel)
        {
            parameters.Add("FilterChannel", channel);
            conditions.Add("c.channel = @FilterChannel");
        }

        return string.Join(" AND ", conditions);
    }

    private string ScopeFilter(DataScope scope, DynamicParameters parameters) => CaseScopeSql.Filter(Dialect, scope, parameters);

    private string In(string column, string name, IReadOnlyCollection<string> values, DynamicParameters parameters) =>
        CaseScopeSql.In(Dialect, column, name, values, parameters);

    private object? Instant(DateTimeOffset? value) => SqlValues.Instant(Dialect, value);

    private sealed class TotalsRow
    {
        public string? GroupKey { get; set; }

        public string? Key0 { get; set; }

        public string? Key1 { get; set; }

        public string? Key2 { get; set; }

        public long Period { get; set; }

        public long CaseCount { get; set; }

        public long? DueCounted { get; set; }

        public long? OnTime { get; set; }

        public long? Dispatched { get; set; }

        public long? Returned { get; set; }

        public long? AutoDispatched { get; set; }

        public long? Closed { get; set; }

        public long? FirstTimeResolved { get; set; }

        public long? Callbacks { get; set; }

        public long? Satisfied { get; set; }

        public long? HandlingMeasured { get; set; }

        public long? HandlingSeconds { get; set; }

        public PerformanceTotals ToTotals() => new()
        {
            CaseCount = (int)CaseCount,
            DueCounted = (int)(DueCounted ?? 0),
            OnTime = (int)(OnTime ?? 0),
            Dispatched = (int)(Dispatched ?? 0),
            Returned = (int)(Returned ?? 0),
            AutoDispatched = (int)(AutoDispatched ?? 0),
            Closed = (int)(Closed ?? 0),
            FirstTimeResolved = (int)(FirstTimeResolved ?? 0),
            Callbacks = (int)(Callbacks ?? 0),
            Satisfied = (int)(Satisfied ?? 0),
            HandlingMeasured = (int)(HandlingMeasured ?? 0),
            HandlingTime = TimeSpan.FromSeconds(HandlingSeconds ?? 0),
        };
    }

    private sealed class OpenRow
    {
        public string GroupKey { get; set; } = "";

        public long Open { get; set; }

        public long? Overdue { get; set; }
    }

    private sealed class HotspotRow
    {
        public string AreaId { get; set; } = "";

        public string CategoryCode { get; set; } = "";

        public long WindowIndex { get; set; }

        public long Reports { get; set; }
    }

    private sealed class PendingRow
    {
        public long RowId { get; set; }

        public object? FirstDispatchedAt { get; set; }

        public object? CompletedAt { get; set; }
    }
}
