using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Org;

namespace CityOps.Flow.Web.Api.Addresses;

/// <summary>Where something lies: the point (when known) and the street, community and grid, with their names.</summary>
public sealed record PlaceView(
    double? Latitude,
    double? Longitude,
    string AreaId,
    string? StreetId,
    string? StreetName,
    string? CommunityId,
    string? CommunityName,
    string? GridId,
    string? GridName,
    string Method)
{
    public static PlaceView Of(AreaPlacement placement, AreaTree tree, GeoPoint? point) => new(
        point?.Latitude,
        point?.Longitude,
        placement.AreaId,
        placement.StreetId,
        placement.StreetId is { } street ? tree.Find(street)?.Name : null,
        placement.CommunityId,
        placement.CommunityId is { } community ? tree.Find(community)?.Name : null,
        placement.GridId,
        placement.GridId is { } grid ? tree.Find(grid)?.Name : null,
        placement.Method == PlacementMethod.Boundary ? "boundary" : "nearestCentre");
}
