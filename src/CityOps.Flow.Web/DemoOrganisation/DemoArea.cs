using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.DemoOrganisation;

/// <summary>An area of the demo district; <see cref="ParentId"/> is null only for the district itself.</summary>
public sealed record DemoArea(
    string Id,
    string? ParentId,
    string Name,
    string NameEn,
    AreaLevel Level,
    double Latitude,
    double Longitude,
    string? BoundaryGeoJson = null);
