using System.Net;
using CityOps.Flow.Web.Tests.Cases;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Addresses;

/// <summary>Addresses and positions placed in the demo district's grids through the real host, and reports placed by them.</summary>
public sealed class AddressApiTests : IAsyncLifetime
{
    private readonly PortalHost host = new(settings: new Dictionary<string, string?> { ["Workflows:PollInterval"] = "00:00:30" });
    private CaseApiClient operatorApi = null!;

    public async Task InitializeAsync() => operatorApi = await CaseApiClient.SignInAsync(host, "operator", "Operator#2026");

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_address_resolves_to_its_point_street_community_and_grid()
    {
        var found = await operatorApi.GetJsonAsync($"/api/addresses/resolve?q={Uri.EscapeDataString("江月花苑 5号楼")}");

        Assert.Equal("江月花苑", found.GetProperty("matchedName").GetString());
        Assert.Equal("place", found.GetProperty("precision").GetString());
        var place = found.GetProperty("place");
        Assert.Equal("310199001", place.GetProperty("streetId").GetString());
        Assert.Equal("浦江街道", place.GetProperty("streetName").GetString());
        Assert.Equal("310199001001", place.GetProperty("communityId").GetString());
        Assert.StartsWith("310199001001", place.GetProperty("gridId").GetString());
        Assert.StartsWith("江月社区第", place.GetProperty("gridName").GetString());
        Assert.Equal("boundary", place.GetProperty("method").GetString());
    }

    [Fact]
    public async Task An_address_nothing_matches_answers_422_saying_so()
    {
        var response = await operatorApi.GetAsync($"/api/addresses/resolve?q={Uri.EscapeDataString("火星基地一号舱")}");

        var problem = await CaseApiClient.ExpectAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("no road, compound, landmark, street or community of the district matches '火星基地一号舱'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Suggestions_and_position_lookups_answer_signed_in_staff_only()
    {
        var suggestions = await operatorApi.GetJsonAsync($"/api/addresses/suggestions?q={Uri.EscapeDataString("三林")}");
        var located = await operatorApi.GetJsonAsync("/api/areas/locate?latitude=31.052&longitude=121.579");
        var anonymous = await host.CreateClient().GetAsync("/api/areas/locate?latitude=31.052&longitude=121.579");

        Assert.Contains(suggestions.EnumerateArray(), s => s.GetProperty("label").GetString() == "三林路");
        Assert.Equal("310199001001", located.GetProperty("communityId").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await operatorApi.GetAsync("/api/areas/locate?latitude=95&longitude=121.5")).StatusCode);
    }

    [Fact]
    public async Task A_reported_position_puts_the_case_in_the_grid_whose_boundary_holds_it()
    {
        var located = await operatorApi.GetJsonAsync("/api/areas/locate?latitude=31.0451&longitude=121.5655");

        var answer = await operatorApi.FileAsync(CaseApiClient.LampReport("geo-grid", 31.0451, 121.5655), HttpStatusCode.Created);

        var stored = answer.GetProperty("case");
        Assert.Equal("310199001003", stored.GetProperty("communityId").GetString());
        Assert.Equal(located.GetProperty("gridId").GetString(), stored.GetProperty("gridId").GetString());
        Assert.StartsWith("310199001003", stored.GetProperty("gridId").GetString());
    }

    [Fact]
    public async Task A_hotline_report_with_only_an_address_is_placed_by_it_and_clusters_with_a_report_of_the_same_place()
    {
        var first = AddressOnly("hotline-addr-1", "三林路120号门口路灯不亮");
        var second = AddressOnly("hotline-addr-2", "PJ006-0120");

        var opened = await operatorApi.FileAsync(first, HttpStatusCode.Created);
        var joined = await operatorApi.FileAsync(second, HttpStatusCode.OK);

        var stored = opened.GetProperty("case");
        Assert.Equal("310199006", stored.GetProperty("streetId").GetString());
        Assert.False(string.IsNullOrEmpty(stored.GetProperty("gridId").GetString()));
        Assert.Equal("joined", joined.GetProperty("outcome").GetString());
        Assert.Equal(2, joined.GetProperty("clusterSize").GetInt32());
    }

    private static Dictionary<string, object?> AddressOnly(string sourceId, string address)
    {
        var report = CaseApiClient.LampReport(sourceId, 0, 0);
        report["location"] = new { address };
        return report;
    }
}
