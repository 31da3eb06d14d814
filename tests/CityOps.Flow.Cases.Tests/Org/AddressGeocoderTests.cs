using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Org;

namespace CityOps.Flow.Cases.Tests.Org;

/// <summary>Addresses resolved against samples/demo-gazetteer.json and the demo district's area tree.</summary>
public sealed class AddressGeocoderTests
{
    private static readonly Lazy<Gazetteer> DemoGazetteer = new(() =>
        Gazetteer.Parse(File.ReadAllText(RepositoryFiles.PathOf("samples/demo-gazetteer.json"))).Gazetteer
            ?? throw new InvalidDataException("samples/demo-gazetteer.json does not load"));

    private static readonly AddressGeocoder Geocoder = new(DemoGazetteer.Value, DemoDistrictTree.Instance);

    private static GazetteerRoad Road(string name) => DemoGazetteer.Value.Roads.Single(r => r.Name == name);

    [Fact]
    public void A_road_and_house_number_is_placed_along_the_road_in_its_street_community_and_grid()
    {
        var resolved = Geocoder.Resolve("上海市浦江区三林路120号");

        Assert.True(resolved.IsResolved, resolved.Problem);
        Assert.Equal(AddressPrecision.HouseNumber, resolved.Precision);
        Assert.Equal("三林路120号", resolved.MatchedName);
        Assert.Equal(Road("三林路").PointAt(120), resolved.Point);
        Assert.Equal("310199006", resolved.Placement!.StreetId);
        Assert.NotNull(resolved.Placement.CommunityId);
        Assert.NotNull(resolved.Placement.GridId);
        Assert.Equal(PlacementMethod.Boundary, resolved.Placement.Method);
    }

    [Fact]
    public void Full_width_digits_spaces_and_a_missing_hao_read_the_same_as_the_plain_form()
    {
        var plain = Geocoder.Resolve("三林路120号");

        Assert.Equal(plain.Point, Geocoder.Resolve("三林路 １２０ 号").Point);
        Assert.Equal(plain.Point, Geocoder.Resolve("三林路120").Point);
    }

    [Fact]
    public void A_doorplate_code_names_the_same_place_as_its_road_and_number()
    {
        var plate = Geocoder.Resolve("PJ006-0120");

        Assert.Equal(AddressPrecision.Doorplate, plate.Precision);
        Assert.Equal(Geocoder.Resolve("三林路120号").Point, plate.Point);
        Assert.Equal(plate.Point, Geocoder.Resolve("pj0060120").Point);
    }

    [Theory]
    [InlineData("PJ099-0001", "doorplate PJ099-0001: there is no road 099 in the gazetteer")]
    [InlineData("PJ006-9999", "doorplate PJ006-9999: 三林路 has house numbers 1–740, not 9999")]
    public void A_doorplate_of_no_known_road_or_number_is_refused_saying_which(string code, string expected)
    {
        Assert.Equal(expected, Geocoder.Resolve(code).Problem);
    }

    [Fact]
    public void A_compound_named_in_a_longer_description_is_found_inside_its_community()
    {
        var resolved = Geocoder.Resolve("江月花苑3号楼门口的路灯");

        Assert.Equal(AddressPrecision.Place, resolved.Precision);
        Assert.Equal("江月花苑", resolved.MatchedName);
        Assert.Equal("310199001001", resolved.Placement!.CommunityId);
        Assert.Equal("310199001", resolved.Placement.StreetId);
    }

    [Fact]
    public void A_mistyped_compound_name_is_corrected_and_the_reading_is_noted()
    {
        // 越 typed for 月 (same pinyin, yue).
        var resolved = Geocoder.Resolve("江越花苑门口");

        Assert.Equal("江月花苑", resolved.MatchedName);
        Assert.Equal("read '江越花苑' as '江月花苑'", resolved.Note);
        Assert.Equal(Geocoder.Resolve("江月花苑").Point, resolved.Point);
    }

    [Fact]
    public void A_ring_road_with_a_street_named_lies_on_the_part_of_the_ring_in_that_street()
    {
        var inSanlin = Geocoder.Resolve("中环路 三林镇");
        var inPujiang = Geocoder.Resolve("中环路（浦江街道段）");

        Assert.Equal(AddressPrecision.Road, inSanlin.Precision);
        Assert.Equal("310199006", inSanlin.Placement!.StreetId);
        Assert.Equal("310199001", inPujiang.Placement!.StreetId);
    }

    [Fact]
    public void A_house_number_beyond_the_road_is_placed_on_the_road_with_a_note()
    {
        var resolved = Geocoder.Resolve("三林路9000号");

        Assert.Equal(AddressPrecision.Road, resolved.Precision);
        Assert.Contains("三林路 has house numbers 1–740; 9000 is not one of them", resolved.Note);
    }

    [Fact]
    public void A_community_named_alone_is_placed_as_that_community()
    {
        var resolved = Geocoder.Resolve("林苑社区");

        Assert.Equal(AddressPrecision.Area, resolved.Precision);
        Assert.Equal("310199006002", resolved.Placement!.CommunityId);
        Assert.Null(resolved.Placement.GridId);
    }

    [Fact]
    public void An_address_nothing_matches_is_refused_naming_the_closest_known_names()
    {
        var resolved = Geocoder.Resolve("火星基地一号舱");

        Assert.False(resolved.IsResolved);
        Assert.Null(resolved.Point);
        Assert.StartsWith("no road, compound, landmark, street or community of the district matches '火星基地一号舱'", resolved.Problem);
        Assert.Equal("the address is empty", Geocoder.Resolve("  ").Problem);
    }

    [Fact]
    public void A_misspelt_three_character_road_is_not_guessed_but_offered_among_the_closest()
    {
        // 将 for 江: 浦江路 and 望江路 differ by one character too, so a three-character name must match exactly.
        var resolved = Geocoder.Resolve("浦将路100号");

        Assert.False(resolved.IsResolved);
        Assert.Contains("浦江路", resolved.Problem);
    }

    [Fact]
    public void Suggestions_offer_a_typed_house_number_first_then_names_starting_with_the_text()
    {
        var numbered = Geocoder.Suggest("三林路12");
        var names = Geocoder.Suggest("江月");

        Assert.Equal("三林路12号", numbered[0].Label);
        Assert.Equal("310199006", numbered[0].Placement!.StreetId);
        Assert.Contains(names, s => s.Label == "江月花苑" && s.Kind == "compound");
        Assert.Contains(names, s => s.Label == "江月社区" && s.Kind == "community");
        Assert.All(names.Take(3), s => Assert.StartsWith("江月", s.Label));
        Assert.Empty(Geocoder.Suggest(""));
    }

    [Fact]
    public void A_gazetteer_file_with_broken_entries_is_refused_listing_every_problem()
    {
        var reading = Gazetteer.Parse("""
            {"roads":[{"code":"001","name":"甲路","numbers":[1,9],"path":[[121.5,31.0]]},
                      {"code":"002","name":"乙路","numbers":[9,1],"path":[[121.5,31.0],[121.6,31.0]]}],
             "places":[{"name":"丙苑","kind":"compound","latitude":95,"longitude":121.5}]}
            """);

        Assert.Null(reading.Gazetteer);
        Assert.Equal(
            ["roads[0].path needs at least two points", "roads[1].numbers must be [first, last] house numbers, first not above last", "places[0] needs a WGS 84 latitude and longitude"],
            reading.Problems);
    }

    [Fact]
    public void Every_compound_and_landmark_of_the_demo_gazetteer_lies_inside_the_district_by_boundary()
    {
        Assert.All(DemoGazetteer.Value.Places, place =>
            Assert.Equal(PlacementMethod.Boundary, DemoDistrictTree.Instance.Locate(place.Point)!.Method));
        Assert.Equal(15, DemoGazetteer.Value.Roads.Count);
        Assert.Equal(60, DemoGazetteer.Value.Places.Count(p => p.Kind == "compound"));
    }
}
