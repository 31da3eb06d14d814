using System.Text.Json;
using System.Text.Json.Serialization;
using CityOps.Flow.Cases.Intake;
using AreaBoundary = CityOps.Flow.Cases.Org.AreaBoundary;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Identity;

namespace CityOps.Flow.Web.DemoOrganisation;

/// <summary>
/// samples/demo-district.json: the areas (flat, each naming its parent), departments and demo users seeded on a
/// first start, grids included, each area with its boundary polygon where the file gives one. Later sections extend the same file.
/// </summary>
public sealed record DemoOrganisationFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public required IReadOnlyList<DemoArea> Areas { get; init; }

    public required IReadOnlyList<DemoDepartment> Departments { get; init; }

    public required IReadOnlyList<DemoUser> Users { get; init; }

    public static async Task<DemoOrganisationFile> LoadAsync(string path, CancellationToken ct = default)
    {
        await using var stream = File.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync<DemoOrganisationFile>(stream, Json, ct)
                ?? throw new InvalidDataException($"{path} holds no demo organisation.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Areas parents first, so each insert finds its parent already stored.</summary>
    public IReadOnlyList<DemoArea> AreasParentsFirst() => Areas.OrderBy(area => area.Level).ToList();

    /// <summary>Every inconsistency in the file (dangling references, duplicates, unknown roles); empty when it can be seeded.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var areas = new Dictionary<string, DemoArea>(StringComparer.Ordinal);
        foreach (var area in Areas)
        {
            if (!areas.TryAdd(area.Id, area))
            {
                problems.Add($"Area '{area.Id}' appears twice.");
            }
        }

        foreach (var area in Areas)
        {
            if (area.ParentId is null)
            {
                if (area.Level != AreaLevel.District)
                {
                    problems.Add($"Area '{area.Id}' ({area.Level}) has no parent; only the district may have none.");
                }
            }
            else if (!areas.TryGetValue(area.ParentId, out var parent))
            {
                problems.Add($"Area '{area.Id}' names parent '{area.ParentId}', which is not in the file.");
            }
            else if (parent.Level >= area.Level)
            {
                problems.Add($"Area '{area.Id}' ({area.Level}) sits under '{parent.Id}' ({parent.Level}); a parent must be a higher level.");
            }

            if (area.BoundaryGeoJson is { } geoJson)
            {
                var boundary = AreaBoundary.Parse(geoJson);
                if (boundary.Error is { } error)
                {
                    problems.Add($"Area '{area.Id}' has a boundary that cannot be read: {error}.");
                }
                else if (!boundary.Boundary!.Contains(new GeoPoint(area.Latitude, area.Longitude)))
                {
                    problems.Add($"Area '{area.Id}' has its centre ({area.Latitude}, {area.Longitude}) outside its own boundary.");
                }
            }
        }

        var departments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var department in Departments)
        {
            if (!departments.Add(department.Id))
            {
                problems.Add($"Department '{department.Id}' appears twice.");
            }

            if (!areas.ContainsKey(department.AreaId))
            {
                problems.Add($"Department '{department.Id}' names area '{department.AreaId}', which is not in the file.");
            }
        }

        var userNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in Users)
        {
            if (!userNames.Add(user.UserName))
            {
                problems.Add($"User '{user.UserName}' appears twice.");
            }

            problems.AddRange(user.Roles.Where(role => !CityRoles.IsKnown(role))
                .Select(role => $"User '{user.UserName}' has role '{role}'; known roles are {string.Join(", ", CityRoles.All)}."));
            if (user.DepartmentId is { } departmentId && !departments.Contains(departmentId))
            {
                problems.Add($"User '{user.UserName}' names department '{departmentId}', which is not in the file.");
            }

            if (user.AreaId is { } areaId && !areas.ContainsKey(areaId))
            {
                problems.Add($"User '{user.UserName}' names area '{areaId}', which is not in the file.");
            }
        }

        return problems;
    }
}
