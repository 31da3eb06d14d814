using System.Xml.Linq;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Routing;
using CityOps.Flow.Cases.Tests.Catalog;
using CityOps.Flow.Cases.Tests.Intake;

namespace CityOps.Flow.Cases.Tests.Routing;

public sealed class RoutingTableTests
{
    private const string Riverside = "310199001";
    private const string RiversideFirstCommunity = "310199001001";
    private const string Town = "310199009";

    private readonly CaseRouter _router = new(ShippedDecisionTables.Evaluator, ShippedDecisionTables.Routing);

    private static RoutingRequest Request(string category, Channel channel = Channel.Hotline, string? street = Riverside,
        string? community = RiversideFirstCommunity, int clusterSize = 1, Severity? severity = null)
    {
        var entry = ShippedCatalog.Catalog.Find(category) ?? throw new ArgumentException(category);
        return new RoutingRequest
        {
            CategoryCode = category,
            StreetId = street,
            CommunityId = community,
            Channel = channel,
            Severity = severity ?? entry.DefaultSeverity,
            ClusterSize = clusterSize,
            CategoryTimeLimit = entry.TimeLimit!.Value,
        };
    }

    private RoutingDecision Route(RoutingRequest request)
    {
        var outcome = _router.Route(request);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return outcome.Decision;
    }

    [Fact]
    public void Shipped_routing_table_reads_without_problems()
    {
        var result = ShippedDecisionTables.ReadResult("workflows/routing.dmn");

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Definitions!.FindDecision("routing"));
    }

    [Fact]
    public void Shipped_routing_table_is_dmn_1_3_that_the_designer_opens_with_a_first_hit_policy_and_a_catch_all_last_rule()
    {
        var document = XDocument.Load(RepositoryFiles.PathOf("workflows/routing.dmn"));
        XNamespace dmn = "https://www.omg.org/spec/DMN/20191111/MODEL/";

        var table = document.Descendants(dmn + "decisionTable").Single();
        var lastRule = table.Elements(dmn + "rule").Last();

        Assert.Equal(dmn, document.Root!.Name.Namespace);
        Assert.Equal("FIRST", (string?)table.Attribute("hitPolicy"));
        Assert.All(lastRule.Elements(dmn + "inputEntry"), e => Assert.Equal("-", e.Value.Trim()));
    }

    [Fact]
    public void Gas_leak_goes_to_the_gas_company_at_district_level_at_once()
    {
        var decision = Route(Request("E0404", Channel.IotSensor));

        Assert.Equal(HandlingLevel.District, decision.Level);
        Assert.Equal("dept-gas", decision.LeadDepartmentId);
        Assert.Equal(["dept-emergency", "dept-public-security"], decision.AssistingDepartmentIds);
        Assert.Equal(1, decision.Priority);
        Assert.Equal(DispatchMode.Auto, decision.DispatchMode);
        Assert.Equal(TimeLimit.WorkingMinutes(30), decision.TimeLimit);
    }

    [Fact]
    public void Exposed_rubbish_stays_in_the_street_with_the_catalogue_limit()
    {
        var decision = Route(Request("E0101", Channel.GridInspector));

        Assert.Equal(HandlingLevel.Street, decision.Level);
        Assert.Equal("310199001-office", decision.LeadDepartmentId);
        Assert.Empty(decision.AssistingDepartmentIds);
        Assert.Equal(TimeLimit.WorkingHours(4), decision.TimeLimit);
        Assert.Equal(3, decision.Priority);
    }

    [Fact]
    public void Rubbish_reported_by_five_people_brings_in_the_law_team_at_higher_priority()
    {
        var decision = Route(Request("E0101", Channel.Hotline, clusterSize: 5));

        Assert.Equal(["310199001-law"], decision.AssistingDepartmentIds);
        Assert.Equal(2, decision.Priority);
    }

    [Fact]
    public void Misparked_bicycles_are_a_community_matter_cleared_in_fifteen_minutes()
    {
        var decision = Route(Request("E0503", Channel.VideoAlarm));

        Assert.Equal(HandlingLevel.Community, decision.Level);
        Assert.Equal("310199001001-cc", decision.LeadDepartmentId);
        Assert.Equal(TimeLimit.WorkingMinutes(15), decision.TimeLimit);
    }

    [Fact]
    public void Community_matter_without_a_known_community_goes_to_the_street_office()
    {
        var decision = Route(Request("E0503", Channel.VideoAlarm, community: null));

        Assert.Equal(HandlingLevel.Community, decision.Level);
        Assert.Equal("310199001-office", decision.LeadDepartmentId);
    }

    [Fact]
    public void Street_vending_goes_to_the_streets_law_team()
    {
        var decision = Route(Request("E0501", Channel.VideoAlarm, street: "310199004"));

        Assert.Equal(HandlingLevel.Street, decision.Level);
        Assert.Equal("310199004-law", decision.LeadDepartmentId);
    }

    [Fact]
    public void Illegal_structure_must_be_stopped_within_four_working_hours()
    {
        var decision = Route(Request("E0306"));

        Assert.Equal(TimeLimit.WorkingHours(4), decision.TimeLimit);
        Assert.Equal("310199001-law", decision.LeadDepartmentId);
        Assert.Equal(["dept-construction"], decision.AssistingDepartmentIds);
    }

    [Fact]
    public void Manhole_cover_confirmed_by_a_sensor_outranks_one_reported_by_phone()
    {
        var bySensor = Route(Request("0102", Channel.IotSensor));
        var byPhone = Route(Request("0102", Channel.Hotline));

        Assert.Equal("dept-water", bySensor.LeadDepartmentId);
        Assert.Equal(1, bySensor.Priority);
        Assert.Equal(2, byPhone.Priority);
    }

    [Fact]
    public void Dirty_water_in_a_town_stays_with_the_town_but_goes_to_the_water_authority_in_the_city()
    {
        var town = Route(Request("E0104", street: Town, community: null));
        var city = Route(Request("E0104"));

        Assert.Equal((HandlingLevel.Street, "310199009-office"), (town.Level, town.LeadDepartmentId));
        Assert.Equal((HandlingLevel.District, "dept-water"), (city.Level, city.LeadDepartmentId));
        Assert.Equal(TimeLimit.WorkingDays(15), city.TimeLimit);
    }

    [Fact]
    public void Twenty_reports_of_one_problem_make_it_a_district_matter_for_a_dispatcher()
    {
        var decision = Route(Request("E9001", clusterSize: 20));

        Assert.Equal(HandlingLevel.District, decision.Level);
        Assert.Equal(DispatchMode.Dispatcher, decision.DispatchMode);
        Assert.Equal(1, decision.Priority);
        Assert.Equal(["310199001-office"], decision.AssistingDepartmentIds);
    }

    [Fact]
    public void Noise_that_three_neighbours_phone_in_involves_the_environment_bureau()
    {
        var three = Route(Request("E9001", clusterSize: 3));
        var one = Route(Request("E9001"));
        var threeCameras = Route(Request("E9001", Channel.VideoAlarm, clusterSize: 3));

        Assert.Equal(["dept-ecology"], three.AssistingDepartmentIds);
        Assert.Empty(one.AssistingDepartmentIds);
        Assert.Empty(threeCameras.AssistingDepartmentIds);
    }

    [Fact]
    public void Critical_judgement_sends_an_ordinary_category_to_the_district_dispatcher()
    {
        var decision = Route(Request("E0201", severity: Severity.Critical));

        Assert.Equal(DispatchMode.Dispatcher, decision.DispatchMode);
        Assert.Equal("dept-hotline", decision.LeadDepartmentId);
    }

    [Fact]
    public void Emergency_is_routed_even_before_its_street_is_known()
    {
        var decision = Route(Request("E0401", street: null, community: null));

        Assert.Equal("dept-construction", decision.LeadDepartmentId);
        Assert.Equal(DispatchMode.Auto, decision.DispatchMode);
    }

    [Fact]
    public void Report_whose_street_is_unknown_waits_for_the_district_dispatcher()
    {
        var decision = Route(Request("E0101", street: null, community: null));

        Assert.Equal((HandlingLevel.District, "dept-hotline", DispatchMode.Dispatcher),
            (decision.Level, decision.LeadDepartmentId, decision.DispatchMode));
    }

    [Fact]
    public void Property_dispute_is_dispatched_by_hand()
    {
        Assert.Equal(DispatchMode.Dispatcher, Route(Request("E9003")).DispatchMode);
    }

    [Fact]
    public void Category_no_rule_names_falls_to_the_streets_dispatcher_queue()
    {
        var request = Request("E0101") with { CategoryCode = "E9999", CategoryTimeLimit = TimeLimit.WorkingDays(3) };

        var outcome = _router.Route(request);

        Assert.True(outcome.Succeeded);
        Assert.Equal("routing-rule-52", outcome.RuleId);
        Assert.Equal((HandlingLevel.Street, "310199001-office", DispatchMode.Dispatcher, TimeLimit.WorkingDays(3)),
            (outcome.Decision.Level, outcome.Decision.LeadDepartmentId, outcome.Decision.DispatchMode, outcome.Decision.TimeLimit));
    }

    [Fact]
    public void Every_catalogued_subclass_from_every_channel_in_every_street_routes_to_departments_of_the_demo_district()
    {
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var routed = 0;
        foreach (var street in DemoDistrict.StreetIds)
        {
            foreach (var category in ShippedCatalog.Catalog.Categories.Where(c => !c.IsClass))
            {
                foreach (var channel in Enum.GetValues<Channel>())
                {
                    var decision = Route(Request(category.Code, channel, street, DemoDistrict.FirstCommunityOf(street)));
                    routed++;
                    foreach (var department in decision.AssistingDepartmentIds.Prepend(decision.LeadDepartmentId))
                    {
                        if (!DemoDistrict.DepartmentIds.Contains(department))
                        {
                            unknown.Add($"{category.Code} from {channel} in {street}: {department}");
                        }
                    }
                }
            }
        }

        Assert.Empty(unknown);
        Assert.Equal(10 * ShippedCatalog.Catalog.Categories.Count(c => !c.IsClass) * 6, routed);
    }

    [Fact]
    public void Request_built_from_a_report_takes_the_categorys_default_severity_and_limit()
    {
        var report = SampleReports.Sensor();
        var category = ShippedCatalog.Catalog.Find(report.CategoryCode)!;

        var request = RoutingRequest.For(report, category, Riverside, null, clusterSize: 2);

        Assert.Equal(Severity.Major, request.Severity);
        Assert.Equal(TimeLimit.WorkingHours(4), request.CategoryTimeLimit);
        Assert.Equal("iot", request.ToVariables()["channel"]);
        Assert.Equal("PT4H", request.ToVariables()["categoryTimeLimit"]);
    }
}
