namespace CityOps.Flow.Cases.Org;

/// <summary>A boundary read from GeoJSON, or why it could not be.</summary>
public sealed record BoundaryReading(AreaBoundary? Boundary, string? Error)
{
    public static BoundaryReading Refused(string error) => new(null, error);
}
