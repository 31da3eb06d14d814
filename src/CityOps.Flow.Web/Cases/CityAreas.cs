using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Org;
using CityOps.Flow.Storage;
using OrgAreaLevel = CityOps.Flow.Cases.Org.AreaLevel;

namespace CityOps.Flow.Web.Cases;

/// <summary>
/// The organisation's area tree as stored, read once: which street, community and grid an area or a position lies
/// in (by boundary polygons, falling back to the nearest centre), and every area under an area (a user's data scope).
/// </summary>
public sealed class CityAreas
{
    public CityAreas(IReadOnlyList<AreaRecord> areas)
    {
        var problems = new List<string>();
        Tree = new AreaTree(areas.Select(area => ToOrgArea(area, problems)));
        BoundaryProblems = problems;
    }

    public AreaTree Tree { get; }

    /// <summary>Stored boundaries that could not be read (those areas are placed by their centre); one line each, naming the area.</summary>
    public IReadOnlyList<string> BoundaryProblems { get; }

    public bool Contains(string areaId) => Tree.Find(areaId) is not null;

    /// <summary>The street and community holding the area (either null when the area is above that level or unknown).</summary>
    public (string? StreetId, string? CommunityId) Place(string? areaId) =>
        areaId is not null && Tree.Place(areaId) is { } placed ? (placed.StreetId, placed.CommunityId) : (null, null);

    /// <summary>The smallest area (a grid in the demo district) holding the position; see <see cref="AreaTree.Locate"/>.</summary>
    public AreaPlacement? Locate(GeoPoint point) => Tree.Locate(point);

    /// <summary>The community holding the position (by boundary, else the nearest centre); null when the tree has none.</summary>
    public string? NearestCommunity(GeoPoint point) => Tree.Locate(point)?.CommunityId;

    /// <summary>The area and every area below it; empty for an unknown area.</summary>
    public IReadOnlyList<string> Subtree(string areaId) => Tree.Subtree(areaId);

    /// <summary>Every area: the scope intake itself reads cases with.</summary>
    public DataScope Everything => new(Tree.Areas.Select(a => a.Id).ToList(), []);

    private static OrgArea ToOrgArea(AreaRecord area, List<string> problems)
    {
        AreaBoundary? boundary = null;
        if (!string.IsNullOrWhiteSpace(area.BoundaryGeoJson))
        {
            var read = AreaBoundary.Parse(area.BoundaryGeoJson);
            boundary = read.Boundary;
            if (read.Error is { } error)
            {
                problems.Add($"area {area.Id} ({area.Name}): boundary ignored, {error}");
            }
        }

        return new OrgArea
        {
            Id = area.Id,
            ParentId = area.ParentId,
            Name = area.Name,
            NameEn = area.NameEn,
            Level = Enum.Parse<OrgAreaLevel>(area.Level.ToString()),
            Centre = area.Latitude is { } latitude && area.Longitude is { } longitude ? new GeoPoint(latitude, longitude) : null,
            Boundary = boundary,
        };
    }
}
