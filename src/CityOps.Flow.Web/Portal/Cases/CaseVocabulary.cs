using System.Globalization;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Portal.Cases;

/// <summary>
/// The names case pages show for ids: areas, departments, categories and task groups, in the reader's language. The
/// org is read once, on first use, like <see cref="Web.Cases.CityAreasSource"/>; a reorganisation shows after a restart.
/// </summary>
public sealed class CaseVocabulary(OrgRepository org, CategoryCatalog catalog)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Loaded? _loaded;

    public CategoryCatalog Catalog => catalog;

    public async ValueTask<CaseVocabulary> ReadyAsync(CancellationToken ct = default)
    {
        if (_loaded is null)
        {
            await _gate.WaitAsync(ct);
            try
            {
                if (_loaded is null)
                {
                    var areas = await org.ListAreasAsync(ct);
                    var departments = await org.ListDepartmentsAsync(ct);
                    _loaded = new Loaded(
                        areas.ToDictionary(a => a.Id, StringComparer.Ordinal),
                        departments.ToDictionary(d => d.Id, StringComparer.Ordinal),
                        [.. areas.Where(a => a.Level == AreaLevel.Street).OrderBy(a => a.Id, StringComparer.Ordinal)],
                        [.. departments.OrderBy(d => d.Level).ThenBy(d => d.Id, StringComparer.Ordinal)]);
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        return this;
    }

    private Loaded Data => _loaded ?? throw new InvalidOperationException("call ReadyAsync before reading names");

    /// <summary>The streets, in id order, that a scope can search: all of them unless the scope names areas.</summary>
    public IReadOnlyList<AreaRecord> StreetsWithin(DataScope scope) =>
        scope.AreaIds.Count == 0 ? Data.Streets : [.. Data.Streets.Where(s => scope.AreaIds.Contains(s.Id))];

    public IReadOnlyList<DepartmentRecord> Departments => Data.DepartmentList;

    public string AreaName(string? areaId, CultureInfo culture) =>
        areaId is null ? "" : Data.Areas.TryGetValue(areaId, out var area) ? (IsChinese(culture) ? area.Name : area.NameEn) : areaId;

    public string DepartmentName(string? departmentId, CultureInfo culture) =>
        departmentId is null ? "" : Data.Departments.TryGetValue(departmentId, out var department)
            ? (IsChinese(culture) ? department.Name : department.NameEn)
            : departmentId;

    public string CategoryName(string code, CultureInfo culture) =>
        catalog.Find(code) is { } category ? category.NameFor(culture) : code;

    /// <summary>A task's candidate group as people say it: <c>dept:x</c> is the department, <c>dispatch:street</c> that street's dispatchers.</summary>
    public string GroupName(string group, Func<string, string> roleGroupName, CultureInfo culture)
    {
        var colon = group.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return roleGroupName(group);
        }

        var (kind, id) = (group[..colon], group[(colon + 1)..]);
        return kind switch
        {
            "dept" => DepartmentName(id, culture),
            "dispatch" when id == "district" => roleGroupName("dispatch:district"),
            "dispatch" => AreaName(id, culture) + " · " + roleGroupName("dispatch"),
            _ => group,
        };
    }

    private static bool IsChinese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";

    private sealed record Loaded(
        IReadOnlyDictionary<string, AreaRecord> Areas,
        IReadOnlyDictionary<string, DepartmentRecord> Departments,
        IReadOnlyList<AreaRecord> Streets,
        IReadOnlyList<DepartmentRecord> DepartmentList);
}
