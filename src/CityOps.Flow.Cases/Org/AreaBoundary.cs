using System.Text.Json;
using CityOps.Flow.Cases.Intake;

namespace CityOps.Flow.Cases.Org;

/// <summary>
/// An area's boundary: one or more polygons (GeoJSON Polygon or MultiPolygon, WGS 84 <c>[longitude, latitude]</c>),
/// each an outer ring with optional holes.
/// </summary>
public sealed class AreaBoundary
{
    private readonly IReadOnlyList<IReadOnlyList<GeoRing>> _polygons;

    private AreaBoundary(IReadOnlyList<IReadOnlyList<GeoRing>> polygons)
    {
        _polygons = polygons;
        MinLatitude = polygons.Min(p => p[0].MinLatitude);
        MaxLatitude = polygons.Max(p => p[0].MaxLatitude);
        MinLongitude = polygons.Min(p => p[0].MinLongitude);
        MaxLongitude = polygons.Max(p => p[0].MaxLongitude);
    }

    public int PolygonCount => _polygons.Count;

    public double MinLatitude { get; }

    public double MaxLatitude { get; }

    public double MinLongitude { get; }

    public double MaxLongitude { get; }

    /// <summary>Inside an outer ring and outside its holes.</summary>
    public bool Contains(GeoPoint point)
    {
        foreach (var rings in _polygons)
        {
            if (!rings[0].Contains(point))
            {
                continue;
            }

            var inHole = false;
            for (var i = 1; i < rings.Count && !inHole; i++)
            {
                inHole = rings[i].Contains(point);
            }

            if (!inHole)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a GeoJSON Polygon or MultiPolygon geometry; a refusal says what is wrong and where.</summary>
    public static BoundaryReading Parse(string geoJson)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(geoJson);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return BoundaryReading.Refused($"not JSON: {e.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return BoundaryReading.Refused("a GeoJSON geometry object with a \"type\" is expected");
        }

        if (!root.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            return BoundaryReading.Refused("\"coordinates\" must be an array");
        }

        var polygons = new List<IReadOnlyList<GeoRing>>();
        switch (type.GetString())
        {
            case "Polygon":
                var single = ReadPolygon(coordinates, "coordinates");
                if (single.Error is { } error)
                {
                    return BoundaryReading.Refused(error);
                }

                polygons.Add(single.Rings!);
                break;
            case "MultiPolygon":
                var index = 0;
                foreach (var polygon in coordinates.EnumerateArray())
                {
                    var read = ReadPolygon(polygon, $"coordinates[{index++}]");
                    if (read.Error is { } problem)
                    {
                        return BoundaryReading.Refused(problem);
                    }

                    polygons.Add(read.Rings!);
                }

                break;
            default:
                return BoundaryReading.Refused($"type '{type.GetString()}' is not a Polygon or MultiPolygon");
        }

        return polygons.Count == 0 ? BoundaryReading.Refused("the MultiPolygon has no polygons") : new BoundaryReading(new AreaBoundary(polygons), null);
    }

    private static (IReadOnlyList<GeoRing>? Rings, string? Error) ReadPolygon(JsonElement polygon, string path)
    {
        if (polygon.ValueKind != JsonValueKind.Array || polygon.GetArrayLength() == 0)
        {
            return (null, $"{path} must be an array of rings with at least the outer ring");
        }

        var rings = new List<GeoRing>();
        var r = 0;
        foreach (var ring in polygon.EnumerateArray())
        {
            var ringPath = $"{path}[{r++}]";
            if (ring.ValueKind != JsonValueKind.Array)
            {
                return (null, $"{ringPath} must be an array of positions");
            }

            var points = new List<GeoPoint>();
            var p = 0;
            foreach (var position in ring.EnumerateArray())
            {
                if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                    || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
                {
                    return (null, $"{ringPath}[{p}] must be a [longitude, latitude] pair of numbers");
                }

                var point = new GeoPoint(position[1].GetDouble(), position[0].GetDouble());
                if (!point.IsValid)
                {
                    return (null, $"{ringPath}[{p}] ({position[0].GetDouble()}, {position[1].GetDouble()}) is not a WGS 84 longitude and latitude");
                }

                points.Add(point);
                p++;
            }

            var built = new GeoRing(points);
            if (built.Count < 3)
            {
                return (null, $"{ringPath} has {built.Count} distinct positions; a ring needs at least 3");
            }

            rings.Add(built);
        }

        return (rings, null);
    }
}
