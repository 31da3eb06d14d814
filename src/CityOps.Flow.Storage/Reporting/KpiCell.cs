using CityOps.Flow.Cases.Reporting;

namespace CityOps.Flow.Storage;

/// <summary>The totals of one combination of keys (say department and street); a null key is a case without it (not yet dispatched, unplaced).</summary>
public sealed record KpiCell(IReadOnlyList<string?> Keys, PerformanceTotals Totals);
