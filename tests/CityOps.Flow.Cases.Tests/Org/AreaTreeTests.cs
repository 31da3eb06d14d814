using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Org;

namespace CityOps.Flow.Cases.Tests.Org;

public sealed class AreaTreeTests
{
    private static readonly AreaTree Demo = DemoDistrictTree.Instance;

    [Fact]
    public void The_demo_district_has_ten_streets_thirty_communities_and_four_grids_in_each_all_with_boundaries()
    {
        var byLevel = Demo.Areas.GroupBy(a => a.Level).ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(10, byLevel[AreaLevel.Street].Count);
        Assert.Equal(30, byLevel[AreaLevel.Community].Count);
        Assert.Equal(120, byLevel[AreaLevel.Grid].Count);
        Assert.All(Demo.Areas, area => Assert.NotNull(area.Boundary));
        Assert.All(byLevel[AreaLevel.Community], community => Assert.Equal(4, Demo.ChildrenOf(community.Id).Count()));
    }

    [Fact]
    public void Every_grid_centre_is_placed_in_that_grid_its_community_and_its_street_by_boundary()
    {
        foreach (var grid in Demo.Areas.Where(a => a.Level == AreaLevel.Grid))
        {
            var placed = Demo.Locate(grid.Centre!.Value)!;

            Assert.Equal(grid.Id, placed.AreaId);
            Assert.Equal(grid.Id, placed.GridId);
            Assert.Equal(grid.ParentId, placed.CommunityId);
            Assert.Equal(Demo.Find(grid.ParentId!)!.ParentId, placed.StreetId);
            Assert.Equal(PlacementMethod.Boundary, placed.Method);
        }
    }

    [Fact]
    public void Each_point_of_the_district_lies_in_exactly_one_grid_and_inside_that_grids_community_and_street()
    {
        var district = Demo.Areas.Single(a => a.Level == AreaLevel.District);
        var grids = Demo.Areas.Where(a => a.Level == AreaLevel.Grid).ToList();
        var checkedPoints = 0;
        // A lattice of about 180 m across the district's bounding box.
        for (var lat = 30.975; lat <= 31.13; lat += 0.0017)
        {
            for (var lon = 121.425; lon <= 121.605; lon += 0.0019)
            {
                var point = new GeoPoint(lat, lon);
                if (!district.Boundary!.Contains(point))
                {
                    continue;
                }

                var holding = grids.Where(g => g.Boundary!.Contains(point)).ToList();
                var grid = Assert.Single(holding);
                var community = Demo.Find(grid.ParentId!)!;
                Assert.True(community.Boundary!.Contains(point), $"{point} is in grid {grid.Id} but outside its community {community.Id}");
                Assert.True(Demo.Find(community.ParentId!)!.Boundary!.Contains(point), $"{point} is outside the street of community {community.Id}");
                checkedPoints++;
            }
        }

        Assert.True(checkedPoints > 5000, $"only {checkedPoints} lattice points fell in the district");
    }

    [Fact]
    public void A_point_outside_the_district_goes_to_the_grid_with_the_nearest_centres_level_by_level()
    {
        // 3 km east of the district's eastern edge, level with 浦江街道 (310199001).
        var placed = Demo.Locate(new GeoPoint(31.052, 121.64))!;

        Assert.Equal(PlacementMethod.NearestCentre, placed.Method);
        Assert.Equal("310199001", placed.StreetId);
        Assert.Equal(AreaLevel.Grid, Demo.Find(placed.AreaId)!.Level);
    }

    [Fact]
    public void Without_boundaries_the_tree_places_by_nearest_centre_down_to_the_smallest_level()
    {
        var tree = new AreaTree(
        [
            Area("d", null, AreaLevel.District, 31.0, 121.0),
            Area("s1", "d", AreaLevel.Street, 31.0, 120.9),
            Area("s2", "d", AreaLevel.Street, 31.0, 121.1),
            Area("c1", "s2", AreaLevel.Community, 31.01, 121.1),
            Area("c2", "s2", AreaLevel.Community, 30.99, 121.1),
        ]);

        var placed = tree.Locate(new GeoPoint(30.995, 121.09))!;

        Assert.Equal(new AreaPlacement { AreaId = "c2", StreetId = "s2", CommunityId = "c2", Method = PlacementMethod.NearestCentre }, placed);
    }

    [Fact]
    public void A_hole_in_a_community_belongs_to_the_area_drawn_inside_it()
    {
        // A community with a square hole where an enclave community of the same street sits.
        var outer = """{"type":"Polygon","coordinates":[[[121,31],[121.1,31],[121.1,31.1],[121,31.1],[121,31]],[[121.04,31.04],[121.06,31.04],[121.06,31.06],[121.04,31.06],[121.04,31.04]]]}""";
        var enclave = """{"type":"Polygon","coordinates":[[[121.04,31.04],[121.06,31.04],[121.06,31.06],[121.04,31.06],[121.04,31.04]]]}""";
        var tree = new AreaTree(
        [
            Area("s", null, AreaLevel.Street, 31.05, 121.05),
            Area("ring", "s", AreaLevel.Community, 31.02, 121.02, outer),
            Area("enclave", "s", AreaLevel.Community, 31.05, 121.05, enclave),
        ]);

        Assert.Equal("enclave", tree.Locate(new GeoPoint(31.05, 121.05))!.AreaId);
        Assert.Equal("ring", tree.Locate(new GeoPoint(31.09, 121.01))!.AreaId);
        Assert.Equal(PlacementMethod.Boundary, tree.Locate(new GeoPoint(31.09, 121.01))!.Method);
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[121,31]}""", "type 'Point' is not a Polygon or MultiPolygon")]
    [InlineData("""{"type":"Polygon","coordinates":[[[121,31],[121.1,31],[121,31]]]}""", "coordinates[0] has 2 distinct positions; a ring needs at least 3")]
    [InlineData("""{"type":"MultiPolygon","coordinates":[[[[121,31],[121.1,31],[121.1,31.1]]],[[[121,31],[200,31],[121,31.1]]]]}""", "coordinates[1][0][1] (200, 31) is not a WGS 84 longitude and latitude")]
    [InlineData("""{"type":"Polygon","coordinates":[[[121,31],["x",31],[121,31.1]]]}""", "coordinates[0][1] must be a [longitude, latitude] pair of numbers")]
    [InlineData("""{"type":"Polygon" """, "not JSON")]
    public void A_boundary_that_is_not_a_polygon_is_refused_saying_where(string geoJson, string expected)
    {
        var read = AreaBoundary.Parse(geoJson);

        Assert.Null(read.Boundary);
        Assert.Contains(expected, read.Error);
    }

    private static OrgArea Area(string id, string? parent, AreaLevel level, double lat, double lon, string? boundary = null) => new()
    {
        Id = id,
        ParentId = parent,
        Name = id,
        Level = level,
        Centre = new GeoPoint(lat, lon),
        Boundary = boundary is null ? null : AreaBoundary.Parse(boundary).Boundary!,
    };
}
