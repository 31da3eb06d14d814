using CityOps.Flow.Cases.Reporting;

namespace CityOps.Flow.Storage;

/// <summary>The totals of one department, area, category or channel.</summary>
public sealed record KpiGroup(string Key, PerformanceTotals Totals);
