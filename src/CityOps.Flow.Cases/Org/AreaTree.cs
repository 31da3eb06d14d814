using CityOps.Flow.Cases.Intake;

namespace CityOps.Flow.Cases.Org;

/// <summary>
/// The area tree (district › street › community › grid), immutable once built: which areas lie under which, and
/// which smallest area holds a position — by boundary where areas have one, else by the nearest centre.
/// </summary>
public sealed class AreaTree
{
    private readonly Dictionary<string, OrgArea> _byId;
    private readonly ILookup<string, OrgArea> _children;
    private readonly IReadOnlyList<OrgArea> _roots;
    private readonly Dictionary<string, int> _depth;

    /// <summary>Bounded areas deepest first, so the first one holding a point is the smallest.</summary>
    private readonly IReadOnlyList<OrgArea> _bounded;

    public AreaTree(IEnumerable<OrgArea> areas)
    {
        _byId = areas.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _children = _byId.Values
            .Where(a => a.ParentId is not null && _byId.ContainsKey(a.ParentId))
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .ToLookup(a => a.ParentId!, StringComparer.Ordinal);
        _roots = [.. _byId.Values.Where(a => a.ParentId is null || !_byId.ContainsKey(a.ParentId)).OrderBy(a => a.Id, StringComparer.Ordinal)];
        _depth = _byId.Keys.ToDictionary(id => id, id => Ancestry(id).Count, StringComparer.Ordinal);
        _bounded = [.. _byId.Values.Where(a => a.Boundary is not null).OrderByDescending(a => _depth[a.Id]).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    public IReadOnlyCollection<OrgArea> Areas => _byId.Values;

    public OrgArea? Find(string id) => _byId.GetValueOrDefault(id);

    public IEnumerable<OrgArea> ChildrenOf(string id) => _children[id];

    /// <summary>The area and its ancestors, the area first; empty for an unknown id.</summary>
    public IReadOnlyList<OrgArea> Ancestry(string id)
    {
        var path = new List<OrgArea>();
        for (var area = _byId.GetValueOrDefault(id); area is not null && path.Count <= _byId.Count;
             area = area.ParentId is null ? null : _byId.GetValueOrDefault(area.ParentId))
        {
            path.Add(area);
        }

        return path;
    }

    /// <summary>The area and every area below it; empty for an unknown id.</summary>
    public IReadOnlyList<string> Subtree(string id)
    {
        if (!_byId.ContainsKey(id))
        {
            return [];
        }

        var found = new List<string>();
        var pending = new Stack<string>([id]);
        while (pending.TryPop(out var next))
        {
            found.Add(next);
            foreach (var child in _children[next])
            {
                pending.Push(child.Id);
            }
        }

        return found;
    }

    /// <summary>The street, community and grid holding an area (null for a level above it), the area itself included.</summary>
    public AreaPlacement? Place(string areaId, PlacementMethod method = PlacementMethod.Boundary)
    {
        var path = Ancestry(areaId);
        return path.Count == 0
            ? null
            : new AreaPlacement
            {
                AreaId = areaId,
                StreetId = path.FirstOrDefault(a => a.Level == AreaLevel.Street)?.Id,
                CommunityId = path.FirstOrDefault(a => a.Level == AreaLevel.Community)?.Id,
                GridId = path.FirstOrDefault(a => a.Level == AreaLevel.Grid)?.Id,
                Method = method,
            };
    }

    /// <summary>
    /// The smallest area holding the point: the deepest area whose boundary contains it; below that (or from the top
    /// when no boundary does) the child with the nearest centre, level by level. Null only for a tree without areas.
    /// </summary>
    public AreaPlacement? Locate(GeoPoint point)
    {
        var found = _bounded.FirstOrDefault(a => a.Boundary!.Contains(point));
        var method = PlacementMethod.Boundary;
        if (found is null)
        {
            found = Nearest(_roots, point);
            method = PlacementMethod.NearestCentre;
        }

        while (found is not null && _children[found.Id].Any())
        {
            // No child's boundary holds the point (it would have been found first, being deeper): the children have
            // no boundaries, or the point fell in a sliver between them.
            var next = Nearest(_children[found.Id], point);
            if (next is null)
            {
                break;
            }

            found = next;
            method = PlacementMethod.NearestCentre;
        }

        return found is null ? null : Place(found.Id, method);
    }

    private static OrgArea? Nearest(IEnumerable<OrgArea> areas, GeoPoint point) =>
        areas.Where(a => a.Centre is not null).MinBy(a => point.DistanceMetresTo(a.Centre!.Value));
}
