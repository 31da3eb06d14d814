using AngleSharp.Html.Dom;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Cases.Org;
using AreaLevel = CityOps.Flow.Cases.Org.AreaLevel;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Portal.Intake;
using CityOps.Flow.Web.Tests.Durable;

namespace CityOps.Flow.Web.Tests.Rendering.Intake;

/// <summary>The intake form and its lookup panel rendered as the server renders them, read as a browser would.</summary>
public sealed class IntakeRenderingTests
{
    private static readonly Lazy<CategoryCatalog> Catalog = new(() =>
        CatalogLoader.LoadFile(Path.Combine(DurableFiles.RepositoryRoot, "samples", "catalog", "categories.json")).Catalog!);

    private static Dictionary<string, object?> Form(IntakeInput input, IReadOnlyList<IntakeFieldError>? errors = null, IntakeLookup? lookup = null, bool photosDropped = false) => new()
    {
        [nameof(IntakeForm.Input)] = input,
        [nameof(IntakeForm.Errors)] = errors ?? [],
        [nameof(IntakeForm.Lookup)] = lookup ?? IntakeLookup.Empty,
        [nameof(IntakeForm.Choices)] = Catalog.Value.Classes.SelectMany(c => Catalog.Value.SubclassesOf(c.Code).Select(s => (c, s))).ToList(),
        [nameof(IntakeForm.RequestKinds)] = Catalog.Value.RequestKinds,
        [nameof(IntakeForm.PhotosDropped)] = photosDropped,
    };

    [Fact]
    public async Task The_form_posts_multipart_with_its_token_its_call_id_and_the_whole_catalogue_to_type_ahead()
    {
        var page = await new ComponentRenderer().RenderAsync<IntakeForm>(Form(new IntakeInput { SourceId = "desk-20261121-abc" }));

        var form = page.QuerySelector("form#intake-form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        Assert.Equal(ComponentRenderer.AntiforgeryToken, form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));
        Assert.Equal("desk-20261121-abc", form.QuerySelector("input[name='Input.SourceId']")!.GetAttribute("value"));
        var options = page.QuerySelectorAll("#intake-category-options option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("0109 路灯", options);
        Assert.Equal(Catalog.Value.Categories.Count(c => !c.IsClass), options.Count);
        Assert.Equal("intake-category-options", page.QuerySelector("#intake-category")!.GetAttribute("list"));
        Assert.Equal("image/jpeg,image/png,image/gif,image/webp", page.QuerySelector("input[type=file][name=photos]")!.GetAttribute("accept"));
        Assert.Equal("/intake/lookup", page.QuerySelector("#intake-address")!.GetAttribute("hx-get"));
        Assert.Null(page.QuerySelector("[data-role=intake-errors]"));
        Assert.Equal("问题类别", page.QuerySelector("label[for=intake-category]")!.TextContent);
        var severities = page.QuerySelectorAll("#intake-severity option").Select(o => (o.GetAttribute("value"), o.TextContent, o.HasAttribute("selected"))).ToList();
        Assert.Equal([("minor", "轻微", false), ("normal", "一般", true), ("major", "较重", false), ("critical", "紧急", false)], severities);
    }

    [Fact]
    public async Task A_refused_form_keeps_every_value_and_shows_each_error_under_its_field()
    {
        var input = new IntakeInput
        {
            Category = "9999 不存在",
            RequestKind = "complaint",
            Severity = "major",
            Address = "火星基地",
            CallerName = "王先生",
            CallerPhone = "12345",
            Description = "路灯不亮",
        };
        IntakeFieldError[] errors =
        [
            new("Category", "Error.CategoryUnknown", "9999 不存在"),
            new("Address", "Error.AddressUnknown", "no road, compound, landmark, street or community of the district matches '火星基地'"),
            new("CallerPhone", "Error.PhoneInvalid", "12345 is not a mainland phone number"),
        ];

        var page = await new ComponentRenderer().RenderAsync<IntakeForm>(Form(input, errors, photosDropped: true));

        Assert.Equal("alert", page.QuerySelector("[data-role=intake-errors]")!.GetAttribute("role"));
        Assert.Equal("目录中没有“9999 不存在”，请从候选中选择。", Error(page, "Category"));
        Assert.StartsWith("未能在本区地名库中识别该地址", Error(page, "Address"));
        Assert.Contains("(no road, compound, landmark, street or community of the district matches '火星基地')", Error(page, "Address"));
        Assert.StartsWith("来电号码格式不正确。", Error(page, "CallerPhone"));
        foreach (var (id, value) in new[] { ("intake-category", "9999 不存在"), ("intake-address", "火星基地"), ("intake-caller-name", "王先生"), ("intake-caller-phone", "12345") })
        {
            Assert.Equal(value, page.QuerySelector($"#{id}")!.GetAttribute("value"));
        }

        Assert.Equal("路灯不亮", page.QuerySelector("#intake-description")!.TextContent);
        Assert.NotNull(page.QuerySelector("#intake-request-kind option[value=complaint][selected]"));
        Assert.Equal(["major"], page.QuerySelectorAll("#intake-severity option[selected]").Select(o => o.GetAttribute("value")));
        var address = page.QuerySelector("#intake-address")!;
        Assert.Contains("is-invalid", address.ClassName);
        Assert.Equal("true", address.GetAttribute("aria-invalid"));
        Assert.NotNull(page.GetElementById("intake-address-error"));
        Assert.DoesNotContain("is-invalid", page.QuerySelector("#intake-caller-name")!.ClassName);
        Assert.NotNull(page.QuerySelector("[data-role=photos-reselect]"));
    }

    [Fact]
    public async Task In_english_the_form_and_its_errors_read_in_english()
    {
        var page = await new ComponentRenderer { Culture = "en" }.RenderAsync<IntakeForm>(
            Form(new IntakeInput(), [new IntakeFieldError("Description", "Error.DescriptionRequired")]));

        Assert.Equal("Category", page.QuerySelector("label[for=intake-category]")!.TextContent);
        Assert.Equal("Describe what the caller reports.", Error(page, "Description"));
        Assert.Contains("0109 Street lamp", page.QuerySelectorAll("#intake-category-options option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task The_lookup_panel_names_the_place_and_offers_each_nearby_case_as_a_button_of_the_form()
    {
        var street = new OrgArea { Id = "310199006", Name = "三林镇", NameEn = "Sanlin Town", Level = AreaLevel.Street };
        var community = new OrgArea { Id = "310199006003", Name = "杨东社区", NameEn = "Yangdong Community", Level = AreaLevel.Community };
        var grid = new OrgArea { Id = "310199006003002", Name = "杨东社区第2网格", NameEn = "Yangdong Community Grid 2", Level = AreaLevel.Grid };
        var lookup = new IntakeLookup
        {
            Place = new IntakePlaceView("三林路130号", AddressPrecision.HouseNumber, null, street, community, grid),
            HasCategory = true,
            Suggestions = [new AddressSuggestion("三林路130号", "三林路130号", "address", new GeoPoint(31.05, 121.49), null)],
            Nearby = [new NearbyCase(Case("c1", "PJ-20261121-000001"), 100)],
        };

        var page = await new ComponentRenderer().RenderAsync<IntakeLookupPanel>(new Dictionary<string, object?>
        {
            [nameof(IntakeLookupPanel.Lookup)] = lookup,
            [nameof(IntakeLookupPanel.SwapSuggestions)] = true,
        });

        Assert.Equal("三林镇", page.QuerySelector("[data-role=street]")!.TextContent);
        Assert.Equal("杨东社区第2网格", page.QuerySelector("[data-role=grid]")!.TextContent);
        var offer = Assert.Single(page.QuerySelectorAll("[data-role=nearby-case]"));
        Assert.Equal("PJ-20261121-000001", offer.QuerySelector("[data-role=nearby-number]")!.TextContent);
        Assert.Contains("100 米", offer.TextContent);
        Assert.Contains("3 人反映", offer.TextContent);
        var join = offer.QuerySelector("button[data-role=join-case]")!;
        Assert.Equal(("submit", "intake-form", "Input.JoinCaseId", "c1"),
            (join.GetAttribute("type"), join.GetAttribute("form"), join.GetAttribute("name"), join.GetAttribute("value")));
        Assert.Equal("true", page.QuerySelector("datalist#intake-address-options")!.GetAttribute("hx-swap-oob"));
    }

    [Fact]
    public async Task Without_an_address_the_panel_says_what_to_type_and_offers_nothing()
    {
        var page = await new ComponentRenderer { Culture = "en" }.RenderAsync<IntakeLookupPanel>(new Dictionary<string, object?>
        {
            [nameof(IntakeLookupPanel.Lookup)] = IntakeLookup.Empty,
        });

        Assert.Equal("Type an address to see its street, community and grid here.", page.QuerySelector("[data-role=intake-place] p")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("[data-role=nearby-case]"));
        Assert.Null(page.QuerySelector("datalist"));
    }

    private static string Error(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-role=field-error][data-field={field}]")?.TextContent.Trim() ?? $"(no error for {field})";

    private static CaseRecord Case(string id, string number) => new()
    {
        Id = id,
        Number = number,
        CategoryCode = "0109",
        Channel = Channel.Hotline,
        Severity = Severity.Normal,
        Status = CaseStatus.Dispatched,
        ClusterSize = 3,
        Description = "路灯不亮，晚上很黑",
        Address = "三林路120号",
        Point = new GeoPoint(31.05, 121.49),
        IsKeyCase = false,
        OpenedAt = new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero),
    };
}
