using System.Globalization;
using System.Text.Json;

namespace CityOps.Flow.Benchmarks.CaseSearch;

/// <summary>Where generated cases happen: streets with their communities, the departments that lead cases, the categories.</summary>
public sealed record CaseDistrict(
    IReadOnlyList<string> Streets,
    IReadOnlyDictionary<string, IReadOnlyList<string>> CommunitiesByStreet,
    IReadOnlyList<string> Departments,
    IReadOnlyList<string> Categories)
{
    /// <summary>20 streets of 10 communities, 12 departments and 30 category codes: the search benchmarks' district.</summary>
    public static CaseDistrict Synthetic { get; } = BuildSynthetic();

    /// <summary>The demo district the portal seeds (samples/demo-district.json) with the shipped catalogue's reportable categories.</summary>
    public static CaseDistrict Demo(string repositoryRoot)
    {
        using var org = JsonDocument.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "samples", "demo-district.json")));
        var areas = org.RootElement.GetProperty("areas").EnumerateArray()
            .Select(a => (Id: a.GetProperty("id").GetString()!, Parent: a.TryGetProperty("parentId", out var p) ? p.GetString() : null, Level: a.GetProperty("level").GetString()!))
            .ToList();
        var streets = areas.Where(a => a.Level == "Street").Select(a => a.Id).ToList();
        var communities = streets.ToDictionary(
            s => s,
            s => (IReadOnlyList<string>)[.. areas.Where(a => a.Level == "Community" && a.Parent == s).Select(a => a.Id)],
            StringComparer.Ordinal);
        var departments = org.RootElement.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();
        using var catalog = JsonDocument.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "samples", "catalog", "categories.json")));
        var categories = catalog.RootElement.GetProperty("categories").EnumerateArray()
            .Where(c => c.TryGetProperty("parent", out var parent) && parent.ValueKind == JsonValueKind.String)
            .Select(c => c.GetProperty("code").GetString()!)
            .ToList();
        return new CaseDistrict(streets, communities, departments, categories);
    }

    private static CaseDistrict BuildSynthetic()
    {
        var streets = Enumerable.Range(1, 20).Select(i => string.Create(CultureInfo.InvariantCulture, $"310115{i:000}")).ToList();
        var communities = streets.ToDictionary(
            s => s,
            s => (IReadOnlyList<string>)[.. Enumerable.Range(0, 10).Select(i => s + i.ToString("000", CultureInfo.InvariantCulture))],
            StringComparer.Ordinal);
        var departments = Enumerable.Range(0, 12).Select(i => string.Create(CultureInfo.InvariantCulture, $"D-310115-{i:00}")).ToList();
        var categories = Enumerable.Range(1, 6).SelectMany(c => Enumerable.Range(1, 5).Select(s => string.Create(CultureInfo.InvariantCulture, $"{c:00}{s:00}"))).ToList();
        return new CaseDistrict(streets, communities, departments, categories);
    }
}
