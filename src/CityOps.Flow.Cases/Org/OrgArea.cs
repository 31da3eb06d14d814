using CityOps.Flow.Cases.Intake;

namespace CityOps.Flow.Cases.Org;

/// <summary>One area of the tree: its place, its centre and, where surveyed, its boundary.</summary>
public sealed record OrgArea
{
    public required string Id { get; init; }

    public string? ParentId { get; init; }

    public required string Name { get; init; }

    public string NameEn { get; init; } = "";

    public required AreaLevel Level { get; init; }

    public GeoPoint? Centre { get; init; }

    public AreaBoundary? Boundary { get; init; }

    /// <summary>The name in the reader's language: English for English readers when there is one, else the Chinese name.</summary>
    public string DisplayName(bool english) => english && NameEn.Length > 0 ? NameEn : Name;
}
