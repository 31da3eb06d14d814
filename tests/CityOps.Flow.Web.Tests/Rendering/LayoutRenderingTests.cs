using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Portal.Layout;
using CityOps.Flow.Web.Portal.Navigation;
using Microsoft.AspNetCore.Components;

namespace CityOps.Flow.Web.Tests.Rendering;

public sealed class LayoutRenderingTests
{
    private static readonly RenderFragment PageBody = builder => builder.AddMarkupContent(0, "<p id=\"page-body\">正文</p>");

    /// <summary>Navigation as it will be once every catalogue page exists, to see each role's full set of entries.</summary>
    private static readonly PortalNavigation AllPagesBuilt =
        new(NavigationCatalogue.Entries, NavigationCatalogue.Entries.Select(entry => entry.Path).ToHashSet());

    private static Dictionary<string, object?> WithBody() => new() { [nameof(MainLayout.Body)] = PageBody };

    private static async Task<IReadOnlyList<string>> SidebarEntriesAsync(ComponentRenderer renderer)
    {
        var page = await renderer.RenderAsync<MainLayout>(WithBody());
        return page.QuerySelectorAll("[data-role=navigation] a[data-nav]").Select(link => link.GetAttribute("data-nav")!).ToList();
    }

    [Fact]
    public async Task Layout_shows_the_product_name_and_the_page()
    {
        var page = await new ComponentRenderer { User = ComponentRenderer.SignedIn("operator", "王芳", CityRoles.Operator) }
            .RenderAsync<MainLayout>(WithBody());

        var brand = page.QuerySelector("[data-role=product-name]")!.TextContent;
        Assert.Contains("城运中心", brand);
        Assert.Contains("CityOps.Flow", brand);
        Assert.Equal("正文", page.QuerySelector("#page-body")!.TextContent);
        Assert.Equal("王芳", page.QuerySelector("[data-role=display-name]")!.TextContent);
    }

    [Fact]
    public async Task Layout_offers_both_languages_in_an_antiforgery_protected_form()
    {
        var page = await new ComponentRenderer { User = ComponentRenderer.SignedIn("operator", "王芳", CityRoles.Operator), Path = "/cases?page=2" }
            .RenderAsync<MainLayout>(WithBody());

        var form = page.QuerySelector("form[data-role=language-switch]")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/language", form.GetAttribute("action"));
        Assert.Equal(["zh-CN", "en"], form.QuerySelectorAll("button[name=culture]").Select(button => button.GetAttribute("value")));
        Assert.Equal("/cases?page=2", form.QuerySelector("input[name=returnUrl]")!.GetAttribute("value"));
        Assert.Equal(ComponentRenderer.AntiforgeryToken, form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Layout_text_follows_the_current_language()
    {
        var user = ComponentRenderer.SignedIn("handler", "张伟", CityRoles.Handler);

        var chinese = await new ComponentRenderer { User = user }.RenderAsync<MainLayout>(WithBody());
        var english = await new ComponentRenderer { User = user, Culture = "en" }.RenderAsync<MainLayout>(WithBody());

        Assert.Equal("首页", chinese.QuerySelector("[data-nav=Home]")!.TextContent.Trim());
        Assert.Equal("Home", english.QuerySelector("[data-nav=Home]")!.TextContent.Trim());
        Assert.Equal("退出登录", chinese.QuerySelector("[data-role=sign-out]")!.TextContent.Trim());
        Assert.Equal("Sign out", english.QuerySelector("[data-role=sign-out]")!.TextContent.Trim());
        Assert.Contains("City Operations Centre", english.QuerySelector("[data-role=product-name]")!.TextContent);
    }

    [Fact]
    public async Task Sidebar_offers_only_pages_that_exist()
    {
        var homeAndInboxBuilt = new PortalNavigation(NavigationCatalogue.Entries, new HashSet<string> { "/", "/inbox" });
        foreach (var role in CityRoles.All)
        {
            var entries = await SidebarEntriesAsync(new ComponentRenderer { User = ComponentRenderer.SignedIn(role, role, role), Navigation = homeAndInboxBuilt });

            Assert.Equal(role is CityRoles.Operator or CityRoles.Dispatcher or CityRoles.Handler or CityRoles.Supervisor ? ["Home", "Inbox"] : ["Home"], entries);
        }
    }

    [Fact]
    public async Task Sidebar_entry_with_a_count_fetches_its_badge_after_the_page_loads()
    {
        var page = await new ComponentRenderer { User = ComponentRenderer.SignedIn("handler", "张伟", CityRoles.Handler), Navigation = AllPagesBuilt }
            .RenderAsync<MainLayout>(WithBody());

        var badge = Assert.Single(page.QuerySelectorAll("[data-role=navigation] [data-nav-count]"));
        Assert.Equal("Inbox", badge.GetAttribute("data-nav-count"));
        Assert.Equal("/inbox/count", badge.GetAttribute("hx-get"));
        Assert.Contains("load", badge.GetAttribute("hx-trigger"));
        Assert.Same(page.QuerySelector("[data-nav=Inbox]"), badge.ParentElement);
    }

    [Theory]
    [InlineData(CityRoles.Operator, new[] { "Home", "Inbox", "Intake", "Cases" })]
    [InlineData(CityRoles.Dispatcher, new[] { "Home", "Inbox", "Intake", "Cases", "Supervision" })]
    [InlineData(CityRoles.Handler, new[] { "Home", "Inbox", "Cases" })]
    [InlineData(CityRoles.Supervisor, new[] { "Home", "Inbox", "Cases", "Supervision", "Dashboard" })]
    [InlineData(CityRoles.Leader, new[] { "Home", "Cases", "Supervision", "Dashboard" })]
    [InlineData(CityRoles.Auditor, new[] { "Home", "Cases", "Audit" })]
    [InlineData(CityRoles.Administrator, new[] { "Home", "Dashboard", "Workflows", "Decisions", "Org", "Audit" })]
    public async Task Sidebar_offers_each_role_its_own_pages(string role, string[] expected)
    {
        var entries = await SidebarEntriesAsync(new ComponentRenderer { User = ComponentRenderer.SignedIn(role, role, role), Navigation = AllPagesBuilt });

        Assert.Equal(expected, entries);
    }

    [Fact]
    public async Task Sidebar_marks_the_current_page()
    {
        var page = await new ComponentRenderer
        {
            User = ComponentRenderer.SignedIn("dispatcher", "李强", CityRoles.Dispatcher),
            Navigation = AllPagesBuilt,
            Path = "/inbox",
        }.RenderAsync<MainLayout>(WithBody());

        Assert.Equal(["Inbox"], page.QuerySelectorAll("[aria-current=page]").Select(link => link.GetAttribute("data-nav")));
    }

    [Fact]
    public async Task User_holding_two_roles_sees_the_pages_of_both()
    {
        var entries = await SidebarEntriesAsync(new ComponentRenderer
        {
            User = ComponentRenderer.SignedIn("lead-auditor", "审计组长", CityRoles.Leader, CityRoles.Auditor),
            Navigation = AllPagesBuilt,
        });

        Assert.Equal(["Home", "Cases", "Supervision", "Dashboard", "Audit"], entries);
    }
}
