using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Web.Cases;

namespace CityOps.Flow.Web.Api.Addresses;

/// <summary>
/// The district's addresses and areas for signed-in staff: <c>GET /api/addresses/resolve?q=</c> (an address, a
/// doorplate code or a place name to a point and its street, community and grid; 422 saying why when nothing
/// matches), <c>GET /api/addresses/suggestions?q=</c> (names for a type-ahead) and
/// <c>GET /api/areas/locate?latitude=&amp;longitude=</c> (the grid, community and street holding a position).
/// </summary>
public static class AddressEndpoints
{
    public static IEndpointRouteBuilder MapAddressApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization().WithTags("Addresses")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/addresses/resolve", ResolveAsync).WithName("ResolveAddress")
            .WithSummary("Resolves an address (road and house number, compound, landmark, street or community name, doorplate code PJnnn-nnnn) to a point and its street, community and grid.")
            .Produces<AddressView>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/addresses/suggestions", SuggestAsync).WithName("SuggestAddresses")
            .WithSummary("Up to `limit` (default 8, at most 20) names of the district for what has been typed so far.")
            .Produces<IReadOnlyList<AddressSuggestionView>>();
        api.MapGet("/areas/locate", LocateAsync).WithName("LocateArea")
            .WithSummary("The grid, community and street holding a WGS 84 position (by boundary; outside every boundary, by the nearest centres).")
            .Produces<PlaceView>()
            .ProducesValidationProblem();
        return endpoints;
    }

    private static async Task<IResult> ResolveAsync(string? q, CityAddresses addresses, CityAreasSource areas, HttpContext context)
    {
        var ct = context.RequestAborted;
        var resolved = await addresses.ResolveAsync(q, ct);
        if (resolved.Problem is { } problem || resolved.Placement is not { } placement)
        {
            return Results.Problem(resolved.Problem ?? "the address lies in no area", statusCode: StatusCodes.Status422UnprocessableEntity, title: "Address not found");
        }

        var tree = (await areas.GetAsync(ct)).Tree;
        return Results.Ok(new AddressView(resolved.MatchedName!, Camel(resolved.Precision!.Value.ToString()), resolved.Note, PlaceView.Of(placement, tree, resolved.Point)));
    }

    private static async Task<IResult> SuggestAsync(string? q, int? limit, CityAddresses addresses, CityAreasSource areas, HttpContext context)
    {
        var ct = context.RequestAborted;
        var tree = (await areas.GetAsync(ct)).Tree;
        var found = await addresses.SuggestAsync(q, Math.Clamp(limit ?? 8, 1, 20), ct);
        return Results.Ok(found.Select(s => new AddressSuggestionView(s.Label, s.LabelEn, s.Kind, s.Placement is { } p ? PlaceView.Of(p, tree, s.Point) : null)).ToList());
    }

    private static async Task<IResult> LocateAsync(double? latitude, double? longitude, CityAreasSource areas, HttpContext context)
    {
        if (latitude is not { } lat || longitude is not { } lon || !new GeoPoint(lat, lon).IsValid)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["latitude/longitude"] = ["both are required, as WGS 84 decimal degrees (latitude −90…90, longitude −180…180)"],
            });
        }

        var city = await areas.GetAsync(context.RequestAborted);
        var point = new GeoPoint(lat, lon);
        return city.Locate(point) is { } placement
            ? Results.Ok(PlaceView.Of(placement, city.Tree, point))
            : Results.Problem("The organisation has no areas yet.", statusCode: StatusCodes.Status404NotFound, title: "No areas");
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
