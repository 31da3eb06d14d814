namespace CityOps.Flow.Storage;

/// <summary>An area of the city (district, street, community or grid) with its place in the tree.</summary>
public sealed record AreaRecord(
    string Id,
    string? ParentId,
    string Name,
    string NameEn,
    AreaLevel Level,
    double? Latitude,
    double? Longitude,
    string? BoundaryGeoJson);
