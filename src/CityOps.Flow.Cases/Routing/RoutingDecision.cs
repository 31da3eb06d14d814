using CityOps.Flow.Cases.Catalog;

namespace CityOps.Flow.Cases.Routing;

/// <summary>Where a case goes: the routing table's outputs, typed.</summary>
public sealed record RoutingDecision
{
    public required HandlingLevel Level { get; init; }

    public required string LeadDepartmentId { get; init; }

    public IReadOnlyList<string> AssistingDepartmentIds { get; init; } = [];

    public required TimeLimit TimeLimit { get; init; }

    /// <summary>1 is the most urgent, 4 the least.</summary>
    public required int Priority { get; init; }

    public required DispatchMode DispatchMode { get; init; }
}
