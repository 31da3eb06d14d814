using System.Text.Json;
using CityOps.Flow.Cases.Intake;

namespace CityOps.Flow.Cases.Org;

/// <summary>
/// The district's named roads and places that addresses are resolved against (samples/demo-gazetteer.json; shape in
/// samples/README.md).
/// </summary>
public sealed record Gazetteer
{
    public required IReadOnlyList<GazetteerRoad> Roads { get; init; }

    public required IReadOnlyList<GazetteerPlace> Places { get; init; }

    /// <summary>The letters doorplate QR codes start with, before the road code (<c>PJ</c> in <c>PJ006-0120</c>).</summary>
    public string DoorplatePrefix { get; init; } = "PJ";

    public static GazetteerReading Parse(string json)
    {
        var problems = new List<string>();
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return new GazetteerReading(null, [$"not JSON: {e.Message}"]);
        }

        var roads = new List<GazetteerRoad>();
        var index = 0;
        foreach (var road in Array(root, "roads", problems))
        {
            var at = $"roads[{index++}]";
            var path = new List<GeoPoint>();
            var p = 0;
            foreach (var position in Array(road, "path", problems, at))
            {
                if (ReadPosition(position) is { } point)
                {
                    path.Add(point);
                }
                else
                {
                    problems.Add($"{at}.path[{p}] must be a [longitude, latitude] pair");
                }

                p++;
            }

            var numbers = Array(road, "numbers", problems, at).ToList();
            if (numbers.Count != 2 || numbers.Any(n => n.ValueKind != JsonValueKind.Number) || numbers[0].GetInt32() > numbers[1].GetInt32())
            {
                problems.Add($"{at}.numbers must be [first, last] house numbers, first not above last");
                continue;
            }

            if (path.Count < 2)
            {
                problems.Add($"{at}.path needs at least two points");
                continue;
            }

            if (Text(road, "code", problems, at) is not { } code || Text(road, "name", problems, at) is not { } name)
            {
                continue;
            }

            roads.Add(new GazetteerRoad
            {
                Code = code,
                Name = name,
                NameEn = OptionalText(road, "nameEn"),
                Aliases = Aliases(road),
                FirstNumber = numbers[0].GetInt32(),
                LastNumber = numbers[1].GetInt32(),
                Path = path,
            });
        }

        var places = new List<GazetteerPlace>();
        index = 0;
        foreach (var place in Array(root, "places", problems))
        {
            var at = $"places[{index++}]";
            var point = place.TryGetProperty("latitude", out var lat) && place.TryGetProperty("longitude", out var lon)
                && lat.ValueKind == JsonValueKind.Number && lon.ValueKind == JsonValueKind.Number
                ? new GeoPoint(lat.GetDouble(), lon.GetDouble())
                : (GeoPoint?)null;
            if (point is not { IsValid: true })
            {
                problems.Add($"{at} needs a WGS 84 latitude and longitude");
                continue;
            }

            if (Text(place, "name", problems, at) is not { } name || Text(place, "kind", problems, at) is not { } kind)
            {
                continue;
            }

            places.Add(new GazetteerPlace { Name = name, NameEn = OptionalText(place, "nameEn"), Kind = kind, Aliases = Aliases(place), Point = point.Value });
        }

        problems.AddRange(roads.GroupBy(r => r.Code).Where(g => g.Count() > 1).Select(g => $"road code {g.Key} is used by {string.Join(" and ", g.Select(r => r.Name))}"));
        var prefix = root.TryGetProperty("doorplatePrefix", out var given) && given.ValueKind == JsonValueKind.String ? given.GetString()! : "PJ";
        return problems.Count > 0
            ? new GazetteerReading(null, problems)
            : new GazetteerReading(new Gazetteer { Roads = roads, Places = places, DoorplatePrefix = prefix }, []);
    }

    private static IEnumerable<JsonElement> Array(JsonElement parent, string name, List<string> problems, string? at = null)
    {
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array)
        {
            return value.EnumerateArray();
        }

        problems.Add($"{(at is null ? "" : at + ".")}{name} must be an array");
        return [];
    }

    private static string? Text(JsonElement parent, string name, List<string> problems, string at)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        problems.Add($"{at}.{name} is required");
        return null;
    }

    private static string OptionalText(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static IReadOnlyList<string> Aliases(JsonElement parent) =>
        parent.TryGetProperty("aliases", out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!)]
            : [];

    private static GeoPoint? ReadPosition(JsonElement position) =>
        position.ValueKind == JsonValueKind.Array && position.GetArrayLength() >= 2
        && position[0].ValueKind == JsonValueKind.Number && position[1].ValueKind == JsonValueKind.Number
        && new GeoPoint(position[1].GetDouble(), position[0].GetDouble()) is { IsValid: true } point
            ? point
            : null;
}
