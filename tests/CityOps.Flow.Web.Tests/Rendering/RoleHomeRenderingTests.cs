using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Portal.Home;
using CityOps.Flow.Web.Portal.Navigation;

namespace CityOps.Flow.Web.Tests.Rendering;

public sealed class RoleHomeRenderingTests
{
    [Theory]
    [InlineData(CityRoles.Operator, "受理员", new[] { "Inbox", "Intake", "Cases" })]
    [InlineData(CityRoles.Handler, "处置人员", new[] { "Inbox", "Cases" })]
    [InlineData(CityRoles.Administrator, "系统管理员", new[] { "Dashboard", "Workflows", "Decisions", "Org", "Audit" })]
    public async Task Role_home_says_what_the_role_does_and_where_its_work_starts(string role, string roleName, string[] entryPoints)
    {
        var page = await new ComponentRenderer().RenderAsync<RoleHome>(new Dictionary<string, object?> { [nameof(RoleHome.Role)] = role });

        Assert.Equal($"我的角色：{roleName}", page.QuerySelector(".card-title")!.TextContent.Trim());
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-role=duty]")!.TextContent));
        Assert.Equal(entryPoints, page.QuerySelectorAll("[data-entry]").Select(entry => entry.GetAttribute("data-entry")));
    }

    [Fact]
    public async Task Entry_points_whose_page_is_not_built_are_named_but_not_linked()
    {
        var nothingBuilt = new PortalNavigation(NavigationCatalogue.Entries, new HashSet<string>());
        var page = await new ComponentRenderer { Navigation = nothingBuilt }
            .RenderAsync<RoleHome>(new Dictionary<string, object?> { [nameof(RoleHome.Role)] = CityRoles.Dispatcher });

        Assert.Empty(page.QuerySelectorAll("a[data-entry]"));
        Assert.All(page.QuerySelectorAll("[data-entry]"), entry => Assert.Contains("尚未开放", entry.TextContent));
    }
}
