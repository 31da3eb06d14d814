using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Org;

namespace CityOps.Flow.Web.Cases;

/// <summary>
/// Addresses of the district on this node: the gazetteer (<c>Cases:Gazetteer</c>, by default
/// samples/demo-gazetteer.json) over the stored area tree, for intake placing reports that carry only an address,
/// and for the intake desk's address field.
/// </summary>
public sealed class CityAddresses(Gazetteer gazetteer, CityAreasSource areas)
{
    private AddressGeocoder? _geocoder;
    private AreaTree? _geocoderTree;

    public async ValueTask<AddressGeocoder> GeocoderAsync(CancellationToken ct = default) => GeocoderFor(await areas.GetAsync(ct));

    public async Task<AddressResolution> ResolveAsync(string? address, CancellationToken ct = default) =>
        (await GeocoderAsync(ct)).Resolve(address);

    public async Task<IReadOnlyList<AddressSuggestion>> SuggestAsync(string? typed, int limit = 8, CancellationToken ct = default) =>
        (await GeocoderAsync(ct)).Suggest(typed, limit);

    /// <summary>
    /// A report location with neither point nor area, placed by its address: the area always (the smallest found);
    /// the point only when the address pins it down (a house number, doorplate, compound or landmark), because a road
    /// or a community centre as a point would cluster reports that are kilometres apart.
    /// </summary>
    public async Task<(ReportLocation? Located, IntakeProblem? Problem)> PlaceAsync(ReportLocation location, CancellationToken ct = default) =>
        Place(location, await areas.GetAsync(ct));

    /// <summary>As <see cref="PlaceAsync"/>, over an area tree already loaded (intake checks and admits reports synchronously).</summary>
    public (ReportLocation? Located, IntakeProblem? Problem) Place(ReportLocation location, CityAreas city)
    {
        if (string.IsNullOrWhiteSpace(location.Address))
        {
            return (null, new IntakeProblem("location", "needs a point, an areaId or an address"));
        }

        var resolved = GeocoderFor(city).Resolve(location.Address);
        if (resolved.Problem is { } problem || resolved.Placement is null)
        {
            return (null, new IntakeProblem("location.address", resolved.Problem ?? "the address lies in no area"));
        }

        var precise = resolved.Precision is AddressPrecision.Doorplate or AddressPrecision.HouseNumber or AddressPrecision.Place;
        return (location with { Point = precise ? resolved.Point : null, AreaId = resolved.Placement.AreaId }, null);
    }

    private AddressGeocoder GeocoderFor(CityAreas city)
    {
        var current = _geocoder;
        if (current is not null && ReferenceEquals(_geocoderTree, city.Tree))
        {
            return current;
        }

        current = new AddressGeocoder(gazetteer, city.Tree);
        (_geocoder, _geocoderTree) = (current, city.Tree);
        return current;
    }
}
