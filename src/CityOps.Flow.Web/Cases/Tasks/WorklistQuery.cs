using CityOps.Flow.Cases.Supervision;

namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>What an inbox shows: every filter given applies; one page of <see cref="Limit"/> tasks from <see cref="Offset"/>.</summary>
public sealed record WorklistQuery
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 500;

    public DueState? DueState { get; init; }

    /// <summary>A category code; a category class (e.g. <c>01</c>) takes in its subclasses.</summary>
    public string? CategoryCode { get; init; }

    /// <summary>An area id: tasks of cases in it or below it.</summary>
    public string? AreaId { get; init; }

    /// <summary>A priority level 1 (highest) to 4, see <see cref="TaskPriority"/>.</summary>
    public int? Priority { get; init; }

    /// <summary>Only tasks the caller holds; otherwise also the unclaimed ones offered to their groups.</summary>
    public bool HeldByMe { get; init; }

    public WorklistSort Sort { get; init; } = WorklistSort.Due;

    public int Offset { get; init; }

    public int Limit { get; init; } = DefaultLimit;
}
