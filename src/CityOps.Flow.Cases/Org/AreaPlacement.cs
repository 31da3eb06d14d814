namespace CityOps.Flow.Cases.Org;

/// <summary>Where a position lies in the tree: the smallest area found and its street, community and grid.</summary>
public sealed record AreaPlacement
{
    /// <summary>The smallest area found (a grid where the tree has grids).</summary>
    public required string AreaId { get; init; }

    public string? StreetId { get; init; }

    public string? CommunityId { get; init; }

    public string? GridId { get; init; }

    public required PlacementMethod Method { get; init; }
}
