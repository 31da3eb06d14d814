using System.Globalization;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>The names of departments, areas and categories in the language of the request; an unknown key is shown as is.</summary>
public sealed class KpiNames(IReadOnlyList<AreaRecord> areas, IReadOnlyList<DepartmentRecord> departments, CategoryCatalog catalog)
{
    private readonly Dictionary<string, AreaRecord> _areas = areas.ToDictionary(a => a.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, DepartmentRecord> _departments = departments.ToDictionary(d => d.Id, StringComparer.Ordinal);

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string Of(KpiGrouping grouping, string key) => grouping switch
    {
        KpiGrouping.Department => Department(key),
        KpiGrouping.Street or KpiGrouping.Community => Area(key),
        KpiGrouping.Category => Category(key),
        _ => key,
    };

    public string Department(string id) => _departments.TryGetValue(id, out var d) ? (English ? d.NameEn : d.Name) : id;

    public string Area(string id) => _areas.TryGetValue(id, out var a) ? (English ? a.NameEn : a.Name) : id;

    public string Category(string code) => catalog.Find(code) is { } c ? (English ? c.NameEn : c.NameZh) : code;
}
