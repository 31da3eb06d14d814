using CityOps.Flow.Engine.Scheduling.WorkingTime;

namespace CityOps.Flow.Cases.Reporting;

/// <summary>Computes the key figures over case facts, overall or per department, area or category.</summary>
public static class PerformanceReport
{
    /// <summary>
    /// Figures as of <paramref name="asOf"/>, which decides whether an open case is already late. Handling time is
    /// working time on <paramref name="calendar"/> when one is given, else elapsed time.
    /// </summary>
    public static PerformanceSummary Summarize(IEnumerable<CaseFacts> cases, DateTimeOffset asOf, WorkingTimeCalendar? calendar = null) =>
        cases.Aggregate(PerformanceTotals.Zero, (totals, facts) => totals.Add(PerformanceTotals.Of(facts, asOf, calendar))).ToSummary();

    /// <summary>Figures per key (department, area, category ...), ordered by key; cases whose key is null are left out.</summary>
    public static IReadOnlyList<KeyValuePair<string, PerformanceSummary>> By(
        IEnumerable<CaseFacts> cases, Func<CaseFacts, string?> key, DateTimeOffset asOf, WorkingTimeCalendar? calendar = null) =>
        [.. cases
            .Select(c => (Key: key(c), Facts: c))
            .Where(x => x.Key is not null)
            .GroupBy(x => x.Key!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, Summarize(g.Select(x => x.Facts), asOf, calendar)))];
}
