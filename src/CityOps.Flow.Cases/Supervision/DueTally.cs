namespace CityOps.Flow.Cases.Supervision;

/// <summary>How many watched limits of one group (a department, a street) are near due and how many overdue.</summary>
public sealed record DueTally(string? Key, int NearDue, int Overdue)
{
    public int Total => NearDue + Overdue;

    /// <summary>
    /// Counts the near-due and overdue items per key, most overdue first, then most near due, then by key; items on
    /// time are left out, and a group with none of either is not listed.
    /// </summary>
    public static IReadOnlyList<DueTally> By<T>(IEnumerable<T> items, Func<T, string?> key, Func<T, DueState> state) =>
        [.. items
            .Select(item => (Key: key(item), State: state(item)))
            .Where(x => x.State is DueState.NearDue or DueState.Overdue)
            .GroupBy(x => x.Key)
            .Select(g => new DueTally(g.Key, g.Count(x => x.State == DueState.NearDue), g.Count(x => x.State == DueState.Overdue)))
            .OrderByDescending(t => t.Overdue)
            .ThenByDescending(t => t.NearDue)
            .ThenBy(t => t.Key, StringComparer.Ordinal)];
}
