namespace CityOps.Flow.Cases.Intake;

/// <summary>Where the problem is: a position, an address, or both; the area (community or grid) when the channel knows it.</summary>
public sealed record ReportLocation
{
    public GeoPoint? Point { get; init; }

    public string? Address { get; init; }

    /// <summary>An org area id (street, community or grid); null until geocoding or the grid lookup fills it.</summary>
    public string? AreaId { get; init; }
}
