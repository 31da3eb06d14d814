using CityOps.Flow.Cases.Catalog;

namespace CityOps.Flow.Cases.Tests.Catalog;

public sealed class ShippedCatalogTests
{
    private readonly CategoryCatalog _catalog = ShippedCatalog.Catalog;

    [Fact]
    public void Shipped_catalogue_loads_without_problems()
    {
        var result = CatalogLoader.LoadFile(RepositoryFiles.PathOf("samples/catalog/categories.json"));

        Assert.Empty(result.Problems);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Shipped_catalogue_holds_components_and_events_with_about_eighty_subclasses()
    {
        var subclasses = _catalog.Categories.Where(c => !c.IsClass).ToList();

        Assert.InRange(subclasses.Count, 75, 100);
        Assert.Contains(subclasses, c => c.Kind == CategoryKind.Component);
        Assert.Contains(subclasses, c => c.Kind == CategoryKind.Event);
        Assert.All(_catalog.Classes, c => Assert.NotEmpty(_catalog.SubclassesOf(c.Code)));
    }

    [Fact]
    public void Water_supply_manhole_cover_is_component_0101_under_public_utilities()
    {
        var cover = _catalog.Find("0101");

        Assert.NotNull(cover);
        Assert.Equal("上水井盖", cover.NameZh);
        Assert.Equal(CategoryKind.Component, cover.Kind);
        Assert.Equal("公用设施", _catalog.Find(cover.ParentCode!)!.NameZh);
        Assert.True(cover.PublicSafety);
    }

    [Theory]
    [InlineData("暴露垃圾", "PT4H")]
    [InlineData("道路不洁", "PT5H")]
    [InlineData("积存垃圾渣土", "P4D")]
    [InlineData("渣土撒漏", "P2D")]
    [InlineData("路面积水", "PT4H")]
    [InlineData("绿地养护不到位", "P5D")]
    [InlineData("水域不洁", "P15D")]
    [InlineData("违法搭建", "PT4H")]
    [InlineData("非机动车乱停放", "PT15M")]
    public void Published_handbook_limits_are_kept(string name, string limit)
    {
        var category = Assert.Single(_catalog.Categories, c => c.NameZh == name);

        Assert.Equal(limit, category.TimeLimit.ToString());
    }

    [Fact]
    public void Event_classes_of_the_standard_are_all_present()
    {
        var eventClasses = _catalog.Classes.Where(c => c.Kind == CategoryKind.Event).Select(c => c.NameZh).ToList();

        Assert.Contains("市容环境", eventClasses);
        Assert.Contains("宣传广告", eventClasses);
        Assert.Contains("施工管理", eventClasses);
        Assert.Contains("突发事件", eventClasses);
        Assert.Contains("街面秩序", eventClasses);
    }

    [Fact]
    public void The_five_hotline_request_kinds_are_present_with_reply_limits()
    {
        Assert.Equal(["咨询", "求助", "投诉", "举报", "建议"], _catalog.RequestKinds.Select(k => k.NameZh));
        Assert.Equal(TimeLimit.WorkingDays(5), _catalog.FindRequestKind("complaint")!.ReplyLimit);
    }

    [Fact]
    public void Only_subclasses_are_reportable()
    {
        Assert.True(_catalog.IsReportable("E0404"));
        Assert.False(_catalog.IsReportable("E04"));
        Assert.False(_catalog.IsReportable("E9999"));
    }

    [Fact]
    public void Every_emergency_is_a_public_safety_matter_or_at_least_major()
    {
        Assert.All(_catalog.SubclassesOf("E04"), c => Assert.True(c.PublicSafety || c.DefaultSeverity >= Severity.Major, c.Code));
    }

    [Theory]
    [InlineData("zh-CN", "燃气泄漏")]
    [InlineData("zh-Hans", "燃气泄漏")]
    [InlineData("en", "Gas leak")]
    [InlineData("fr-FR", "Gas leak")]
    public void Category_name_follows_the_ui_language(string culture, string name)
    {
        Assert.Equal(name, _catalog.Find("E0404")!.NameFor(System.Globalization.CultureInfo.GetCultureInfo(culture)));
    }
}
