using System.Globalization;
using System.Text.RegularExpressions;
using CityOps.Flow.Cases.Intake;

namespace CityOps.Flow.Cases.Org;

/// <summary>
/// Resolves what people write for a place — "三林路120号", "江月花苑3号楼门口", "中环路 三林镇", a doorplate code
/// "PJ006-0120", the name of a community — to a point and the street, community and grid holding it. Names are found
/// in the text exactly where possible (the longest wins; compounds and landmarks before roads before areas), else
/// allowing one mistyped, missing or extra character in four; an address nothing matches is refused naming the
/// closest names known.
/// </summary>
public sealed partial class AddressGeocoder
{
    private const double FuzzyThreshold = 0.75;

    private readonly Gazetteer _gazetteer;
    private readonly AreaTree _areas;
    private readonly IReadOnlyList<Entry> _entries;
    private readonly IReadOnlyList<string> _ignoredPrefixes;
    private readonly Regex _doorplate;

    public AddressGeocoder(Gazetteer gazetteer, AreaTree areas)
    {
        _gazetteer = gazetteer;
        _areas = areas;
        var entries = new List<Entry>();
        foreach (var place in gazetteer.Places)
        {
            entries.AddRange(place.Aliases.Prepend(place.Name).Select(key => new Entry(AddressText.Normalize(key), EntryKind.Place, place, null, null)));
        }

        foreach (var road in gazetteer.Roads)
        {
            entries.AddRange(road.Aliases.Prepend(road.Name).Select(key => new Entry(AddressText.Normalize(key), EntryKind.Road, null, road, null)));
        }

        // The district is what every address is in: naming it places nothing.
        foreach (var area in areas.Areas.Where(a => a.Level != AreaLevel.District && a.Centre is not null))
        {
            entries.Add(new Entry(AddressText.Normalize(area.Name), EntryKind.Area, null, null, area));
        }

        _entries = [.. entries.Where(e => e.Key.Length > 0)];
        _ignoredPrefixes = [.. new[] { "中国", "上海市", "上海" }.Concat(areas.Areas.Where(a => a.Level == AreaLevel.District).Select(a => a.Name)).Select(AddressText.Normalize)];
        _doorplate = new Regex($"(?<![0-9]){Regex.Escape(AddressText.Normalize(gazetteer.DoorplatePrefix))}([0-9]{{3}})([0-9]{{4}})(?![0-9])",
            RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    public AddressResolution Resolve(string? address)
    {
        var text = WithoutPrefixes(AddressText.Normalize(address));
        if (text.Length == 0)
        {
            return AddressResolution.Unresolved("the address is empty");
        }

        if (_doorplate.Match(text) is { Success: true } plate)
        {
            return Doorplate(plate.Groups[1].Value, int.Parse(plate.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        var exact = _entries
            .Select(e => (Entry: e, Start: text.IndexOf(e.Key, StringComparison.Ordinal)))
            .Where(hit => hit.Start >= 0)
            .ToList();
        if (exact.Count > 0)
        {
            var best = exact.OrderByDescending(h => h.Entry.Key.Length).ThenBy(h => h.Entry.Kind).ThenBy(h => h.Start).First();
            var areaHint = exact.Where(h => h.Entry.Kind == EntryKind.Area).OrderByDescending(h => h.Entry.Area!.Level).FirstOrDefault().Entry?.Area;
            return Resolved(best.Entry, text, best.Start + best.Entry.Key.Length, areaHint, note: null);
        }

        var fuzzy = _entries
            .Where(e => e.Key.Length >= 4)
            .Select(e => (Entry: e, Window: AddressText.BestWindow(text, e.Key)))
            .Where(h => h.Window.Similarity >= FuzzyThreshold)
            .OrderByDescending(h => h.Window.Similarity).ThenByDescending(h => h.Entry.Key.Length).ThenBy(h => h.Entry.Kind)
            .FirstOrDefault();
        if (fuzzy.Entry is { } near)
        {
            var written = text.Substring(fuzzy.Window.Start, fuzzy.Window.Length);
            return Resolved(near, text, fuzzy.Window.Start + fuzzy.Window.Length, null, $"read '{written}' as '{near.Name}'");
        }

        var closest = Closest(text, 3);
        return AddressResolution.Unresolved(
            $"no road, compound, landmark, street or community of the district matches '{address!.Trim()}'"
            + (closest.Count > 0 ? $"; the closest names known are {string.Join(", ", closest)}" : ""));
    }

    /// <summary>Names to offer while an address is typed: what the text resolves to first, then names starting with it, containing it, or close to it.</summary>
    public IReadOnlyList<AddressSuggestion> Suggest(string? typed, int limit = 8)
    {
        var text = WithoutPrefixes(AddressText.Normalize(typed));
        if (text.Length == 0)
        {
            return [];
        }

        var suggestions = new List<AddressSuggestion>();
        if (Resolve(typed) is { IsResolved: true, Point: { } point } resolved && resolved.Precision is AddressPrecision.Doorplate or AddressPrecision.HouseNumber)
        {
            suggestions.Add(new AddressSuggestion(resolved.MatchedName!, resolved.MatchedName!, "address", point, resolved.Placement));
        }

        var ranked = _entries
            .Select(e => (Entry: e, Score: e.Key.StartsWith(text, StringComparison.Ordinal) ? 3
                : e.Key.Contains(text, StringComparison.Ordinal) ? 2.5
                : text.Contains(e.Key, StringComparison.Ordinal) ? 2
                : 1 + AddressText.BestWindow(e.Key, text).Similarity - 0.4))
            .Where(h => h.Score >= 1.2)
            .OrderByDescending(h => h.Score).ThenBy(h => h.Entry.Key.Length).ThenBy(h => h.Entry.Kind)
            .Select(h => h.Entry)
            .DistinctBy(e => e.Name);
        foreach (var entry in ranked)
        {
            if (suggestions.Count >= limit)
            {
                break;
            }

            var at = PointOf(entry, null);
            suggestions.Add(new AddressSuggestion(entry.Name, entry.NameEn, entry.KindName, at, PlacementOf(entry, at)));
        }

        return suggestions;
    }

    private AddressResolution Doorplate(string roadCode, int number)
    {
        var code = $"{_gazetteer.DoorplatePrefix}{roadCode}-{number:0000}";
        if (_gazetteer.Roads.FirstOrDefault(r => r.Code == roadCode) is not { } road)
        {
            return AddressResolution.Unresolved($"doorplate {code}: there is no road {roadCode} in the gazetteer");
        }

        if (!road.HasNumber(number))
        {
            return AddressResolution.Unresolved($"doorplate {code}: {road.Name} has house numbers {road.FirstNumber}–{road.LastNumber}, not {number}");
        }

        var point = road.PointAt(number);
        return new AddressResolution
        {
            Point = point,
            Placement = _areas.Locate(point),
            Precision = AddressPrecision.Doorplate,
            MatchedName = $"{road.Name}{number}号",
        };
    }

    private AddressResolution Resolved(Entry entry, string text, int after, OrgArea? areaHint, string? note)
    {
        if (entry.Road is { } road)
        {
            var number = HouseNumber().Match(text, Math.Min(after, text.Length));
            if (number.Success && int.TryParse(number.Groups[1].Value, CultureInfo.InvariantCulture, out var n))
            {
                if (road.HasNumber(n))
                {
                    var at = road.PointAt(n);
                    return new AddressResolution
                    {
                        Point = at, Placement = _areas.Locate(at), Precision = AddressPrecision.HouseNumber, MatchedName = $"{road.Name}{n}号", Note = note,
                    };
                }

                note = Join(note, $"{road.Name} has house numbers {road.FirstNumber}–{road.LastNumber}; {n} is not one of them, so the place is on the road near the middle");
            }

            var onRoad = areaHint?.Centre is { } hint ? road.NearestTo(hint) : road.Middle;
            return new AddressResolution
            {
                Point = onRoad,
                Placement = _areas.Locate(onRoad),
                Precision = AddressPrecision.Road,
                MatchedName = areaHint is null ? road.Name : $"{road.Name}（{areaHint.Name}）",
                Note = note,
            };
        }

        var point = PointOf(entry, areaHint);
        return new AddressResolution
        {
            Point = point,
            Placement = PlacementOf(entry, point),
            Precision = entry.Kind == EntryKind.Place ? AddressPrecision.Place : AddressPrecision.Area,
            MatchedName = entry.Name,
            Note = note,
        };
    }

    private static GeoPoint PointOf(Entry entry, OrgArea? areaHint) => entry.Kind switch
    {
        EntryKind.Place => entry.Place!.Point,
        EntryKind.Road => areaHint?.Centre is { } hint ? entry.Road!.NearestTo(hint) : entry.Road!.Middle,
        _ => entry.Area!.Centre!.Value,
    };

    /// <summary>An area named outright is placed as that area (its centre might lie in another's grid); anything else by its point.</summary>
    private AreaPlacement? PlacementOf(Entry entry, GeoPoint point) =>
        entry.Area is { } area ? _areas.Place(area.Id) : _areas.Locate(point);

    private IReadOnlyList<string> Closest(string text, int count) =>
        [.. _entries
            .Select(e => (e.Name, Similarity: AddressText.BestWindow(text, e.Key).Similarity))
            .Where(h => h.Similarity > 0)
            .OrderByDescending(h => h.Similarity)
            .Select(h => h.Name)
            .Distinct()
            .Take(count)];

    private string WithoutPrefixes(string text)
    {
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var prefix in _ignoredPrefixes)
            {
                if (prefix.Length > 0 && text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    text = text[prefix.Length..];
                    stripped = true;
                }
            }
        }

        return text;
    }

    private static string Join(string? first, string second) => first is null ? second : $"{first}; {second}";

    [GeneratedRegex(@"\G([0-9]{1,5})(?:号|弄)?(?![0-9])")]
    private static partial Regex HouseNumber();

    private enum EntryKind
    {
        Place,
        Road,
        Area,
    }

    private sealed record Entry(string Key, EntryKind Kind, GazetteerPlace? Place, GazetteerRoad? Road, OrgArea? Area)
    {
        public string Name => Place?.Name ?? Road?.Name ?? Area!.Name;

        public string NameEn => Place?.NameEn ?? Road?.NameEn ?? Area!.NameEn;

        public string KindName => Place?.Kind ?? (Road is not null ? "road" : Area!.Level.ToString().ToLowerInvariant());
    }
}
