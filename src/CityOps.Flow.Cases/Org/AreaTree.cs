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

    /// <summary>
    /// The bounded areas whose bounding box touches each cell of a grid laid over them (deepest first): a point is
    /// tested against the few areas of its cell, not all of them.
    /// </summary>
    private readonly OrgArea[][] _cells = [];

    private readonly (double MinLatitude, double MinLongitude, double LatitudeStep, double LongitudeStep) _cellGrid;

    private const int CellsPerSide = 64;

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
        if (_bounded.Count > 0)
        {
            var (minLat, maxLat) = (_bounded.Min(a => a.Boundary!.MinLatitude), _bounded.Max(a => a.Boundary!.MaxLatitude));
            var (minLon, maxLon) = (_bounded.Min(a => a.Boundary!.MinLongitude), _bounded.Max(a => a.Boundary!.MaxLongitude));
            _cellGrid = (minLat, minLon, Math.Max((maxLat - minLat) / CellsPerSide, 1e-9), Math.Max((maxLon - minLon) / CellsPerSide, 1e-9));
            var cells = Enumerable.Range(0, CellsPerSide * CellsPerSide).Select(_ => new List<OrgArea>()).ToArray();
            foreach (var area in _bounded)
            {
                var b = area.Boundary!;
                for (var row = Cell(b.MinLatitude, minLat, _cellGrid.LatitudeStep); row <= Cell(b.MaxLatitude, minLat, _cellGrid.LatitudeStep); row++)
                {
                    for (var column = Cell(b.MinLongitude, minLon, _cellGrid.LongitudeStep); column <= Cell(b.MaxLongitude, minLon, _cellGrid.LongitudeStep); column++)
                    {
                        cells[row * CellsPerSide + column].Add(area);
                    }
                }
            }

            _cells = [.. cells.Select(c => c.ToArray())];
        }
    }

    private static int Cell(double value, double min, double step) => Math.Clamp((int)((value - min) / step), 0, CellsPerSide - 1);

    /// <summary>The smallest bounded area holding the point, or null.</summary>
    private OrgArea? SmallestHolding(GeoPoint point)
    {
        if (_cells.Length == 0)
        {
            return null;
        }

        var row = (int)Math.Floor((point.Latitude - _cellGrid.MinLatitude) / _cellGrid.LatitudeStep);
        var column = (int)Math.Floor((point.Longitude - _cellGrid.MinLongitude) / _cellGrid.LongitudeStep);
        if (row is < 0 or > CellsPerSide || column is < 0 or > CellsPerSide)
        {
            return null;
        }

        foreach (var area in _cells[Math.Min(row, CellsPerSide - 1) * CellsPerSide + Math.Min(column, CellsPerSide - 1)])
        {
            if (area.Boundary!.Contains(point))
            {
                return area;
            }
        }

        return null;
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
        var found = SmallestHolding(point);
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
