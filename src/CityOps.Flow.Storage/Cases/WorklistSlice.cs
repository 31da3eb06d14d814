using CityOps.Flow.Cases.Supervision;

namespace CityOps.Flow.Storage;

/// <summary>
/// One page of an inbox in its order, how many of the person's matching tasks are in each due state (all states, so
/// the filter chips keep their counts while one is chosen), and how many the page's due-state filter leaves.
/// </summary>
public sealed record WorklistSlice(IReadOnlyList<WorklistEntry> Page, IReadOnlyDictionary<DueState, int> DueCounts, int Total);
