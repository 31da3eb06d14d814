using CityOps.Flow.Cases.Supervision;

namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>One page of an inbox.</summary>
/// <param name="Total">Tasks matching every filter.</param>
/// <param name="DueCounts">Tasks matching every filter but the due state, per due state (for the filter's counts).</param>
/// <param name="Everything">All the caller's open tasks, unfiltered (the navigation's count).</param>
public sealed record WorklistPage(
    IReadOnlyList<WorklistItem> Items, int Total, int Offset, int Limit, IReadOnlyDictionary<DueState, int> DueCounts, int Everything)
{
    public bool HasPrevious => Offset > 0;

    public bool HasNext => Offset + Items.Count < Total;
}
