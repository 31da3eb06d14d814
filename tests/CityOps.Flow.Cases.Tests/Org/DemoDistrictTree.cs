using System.Text.Json;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Org;

namespace CityOps.Flow.Cases.Tests.Org;

/// <summary>The area tree of samples/demo-district.json, read as the portal seeds it.</summary>
internal static class DemoDistrictTree
{
    private static readonly Lazy<AreaTree> Tree = new(() => new AreaTree(Load()));

    public static AreaTree Instance => Tree.Value;

    public static IReadOnlyList<OrgArea> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("samples/demo-district.json")));
        return [.. document.RootElement.GetProperty("areas").EnumerateArray().Select(area => new OrgArea
        {
            Id = area.GetProperty("id").GetString()!,
            ParentId = area.GetProperty("parentId").GetString(),
            Name = area.GetProperty("name").GetString()!,
            NameEn = area.GetProperty("nameEn").GetString()!,
            Level = Enum.Parse<AreaLevel>(area.GetProperty("level").GetString()!),
            Centre = new GeoPoint(area.GetProperty("latitude").GetDouble(), area.GetProperty("longitude").GetDouble()),
            Boundary = area.TryGetProperty("boundaryGeoJson", out var boundary) && boundary.ValueKind == JsonValueKind.String
                ? AreaBoundary.Parse(boundary.GetString()!).Boundary ?? throw new InvalidDataException($"area {area.GetProperty("id")}: bad boundary")
                : null,
        })];
    }
}
