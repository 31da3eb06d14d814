using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases;

/// <summary>
/// The area tree of the organisation, read once from storage: which street and community a report's area lies in,
/// the nearest community to a position (a stand-in for the grid lookup until areas carry boundaries), and every area
/// under an area (a user's data scope).
/// </summary>
public sealed class CityAreas
{
    private readonly Dictionary<string, AreaRecord> _byId;
    private readonly ILookup<string, AreaRecord> _children;

    public CityAreas(IReadOnlyList<AreaRecord> areas)
    {
        _byId = areas.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _children = areas.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!, StringComparer.Ordinal);
    }

    public bool Contains(string areaId) => _byId.ContainsKey(areaId);

    /// <summary>The street and community holding the area (either null when the area is above that level or unknown).</summary>
    public (string? StreetId, string? CommunityId) Place(string? areaId)
    {
        string? street = null;
        string? community = null;
        for (var area = areaId is null ? null : _byId.GetValueOrDefault(areaId); area is not null;
             area = area.ParentId is null ? null : _byId.GetValueOrDefault(area.ParentId))
        {
            if (area.Level == AreaLevel.Street)
            {
                street = area.Id;
            }
            else if (area.Level == AreaLevel.Community)
            {
                community = area.Id;
            }
        }

        return (street, community);
    }

    /// <summary>The community whose centre is nearest to the point; null when no community has a position.</summary>
    public string? NearestCommunity(GeoPoint point) =>
        _byId.Values
            .Where(a => a.Level == AreaLevel.Community && a.Latitude is not null && a.Longitude is not null)
            .MinBy(a => point.DistanceMetresTo(new GeoPoint(a.Latitude!.Value, a.Longitude!.Value)))?.Id;

    /// <summary>The area and every area below it; empty for an unknown area.</summary>
    public IReadOnlyList<string> Subtree(string areaId)
    {
        if (!_byId.ContainsKey(areaId))
        {
            return [];
        }

        var found = new List<string>();
        var pending = new Stack<string>([areaId]);
        while (pending.TryPop(out var id))
        {
            found.Add(id);
            foreach (var child in _children[id])
            {
                pending.Push(child.Id);
            }
        }

        return found;
    }

    /// <summary>Every area: the scope intake itself reads cases with.</summary>
    public DataScope Everything => new(_byId.Keys.ToList(), []);
}
