using System.Text.Json;

namespace CityOps.Flow.Cases.Tests.Routing;

/// <summary>The demo organisation (samples/demo-district.json): its streets, communities and department ids.</summary>
internal static class DemoDistrict
{
    private static readonly Lazy<(IReadOnlyList<(string Id, string? ParentId, string Level)> Areas, IReadOnlySet<string> Departments)> Loaded = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("samples/demo-district.json")));
        var areas = document.RootElement.GetProperty("areas").EnumerateArray()
            .Select(a => (a.GetProperty("id").GetString()!, a.GetProperty("parentId").GetString(), a.GetProperty("level").GetString()!))
            .ToList();
        var departments = document.RootElement.GetProperty("departments").EnumerateArray()
            .Select(d => d.GetProperty("id").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        return (areas, departments);
    });

    public static IReadOnlySet<string> DepartmentIds => Loaded.Value.Departments;

    public static IEnumerable<string> StreetIds => Loaded.Value.Areas.Where(a => a.Level == "Street").Select(a => a.Id);

    public static string FirstCommunityOf(string streetId) =>
        Loaded.Value.Areas.First(a => a.Level == "Community" && a.ParentId == streetId).Id;
}
