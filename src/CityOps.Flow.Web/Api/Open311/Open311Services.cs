using CityOps.Flow.Cases.Catalog;

namespace CityOps.Flow.Web.Api.Open311;

/// <summary>
/// The category catalogue as GeoReport services: every subclass (小类) is a service, its class (大类) the group.
/// Every service has one attribute, the citizen's judgement of severity, so metadata is always true.
/// </summary>
public static class Open311Services
{
    /// <summary>The attribute code of the severity list (<c>attribute[severity]=major</c>).</summary>
    public const string SeverityAttribute = "severity";

    private static readonly (Severity Severity, string Name)[] SeverityValues =
    [
        (Severity.Minor, "轻微 minor"),
        (Severity.Normal, "一般 normal"),
        (Severity.Major, "较重 major"),
        (Severity.Critical, "严重 critical"),
    ];

    public static IEnumerable<Open311Item> List(CategoryCatalog catalog) =>
        catalog.Categories.Where(c => !c.IsClass).Select(category => Service(catalog, category));

    public static Open311Item Service(CategoryCatalog catalog, Category category)
    {
        var group = category.ParentCode is { } parent ? catalog.Find(parent) : null;
        return new Open311Item([
            ("service_code", category.Code),
            ("service_name", category.NameZh),
            ("description", $"{category.NameEn}; handled within {category.TimeLimit}"),
            ("metadata", true),
            ("type", "realtime"),
            ("keywords", string.Join(",", new[] { category.NameZh, category.NameEn, group?.NameZh, group?.NameEn }.OfType<string>())),
            ("group", group?.NameZh),
        ]);
    }

    public static Open311Item Definition(Category category) => new([
        ("service_code", category.Code),
        ("attributes", new Open311List("attribute", [
            new Open311Item([
                ("variable", true),
                ("code", SeverityAttribute),
                ("datatype", "singlevaluelist"),
                ("required", false),
                ("datatype_description", $"How serious it looks; {SeverityCode.Of(category.DefaultSeverity)} when not given"),
                ("order", 1),
                ("description", "严重程度 Severity"),
                ("values", new Open311List("value",
                    SeverityValues.Select(v => new Open311Item([("key", SeverityCode.Of(v.Severity)), ("name", v.Name)])).ToList())),
            ]),
        ])),
    ]);
}
