using CityOps.Flow.Storage;
using CityOps.Flow.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CityOps.Flow.Web.DemoOrganisation;

/// <summary>
/// Fills an empty installation with the demo district, its departments and one user per role, so the portal can be
/// tried at once. It runs only while the users table is empty, so restarts and real installations are left alone.
/// </summary>
public sealed class DemoOrganisationSeeder(
    UserRepository userRows,
    OrgRepository org,
    UserManager<CityUser> users,
    IOptions<DemoOrganisationOptions> options,
    ILogger<DemoOrganisationSeeder> logger)
{
    /// <summary>True when it seeded; false when users already existed or seeding is switched off.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (!settings.SeedDemoOrganisation)
        {
            logger.LogInformation("Demo organisation seeding is switched off (CityOps:SeedDemoOrganisation=false)");
            return false;
        }

        var existing = await userRows.CountAsync(ct);
        if (existing > 0)
        {
            logger.LogInformation("{UserCount} users exist; the demo organisation is not seeded again", existing);
            return false;
        }

        var file = await DemoOrganisationFile.LoadAsync(settings.DemoOrganisationFile, ct);
        var problems = file.Problems();
        if (problems.Count > 0)
        {
            throw new InvalidDataException(
                $"{settings.DemoOrganisationFile} cannot be seeded:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        foreach (var area in file.AreasParentsFirst())
        {
            await org.UpsertAreaAsync(
                new AreaRecord(area.Id, area.ParentId, area.Name, area.NameEn, area.Level, area.Latitude, area.Longitude, area.BoundaryGeoJson), ct);
        }

        foreach (var department in file.Departments)
        {
            await org.UpsertDepartmentAsync(
                new DepartmentRecord(department.Id, department.Name, department.NameEn, department.AreaId, department.Level), ct);
        }

        foreach (var demoUser in file.Users)
        {
            await CreateUserAsync(demoUser, string.IsNullOrWhiteSpace(settings.DemoPassword) ? demoUser.Password : settings.DemoPassword);
        }

        logger.LogInformation(
            "Seeded the demo organisation from {File}: {AreaCount} areas, {DepartmentCount} departments, {UserCount} users",
            settings.DemoOrganisationFile, file.Areas.Count, file.Departments.Count, file.Users.Count);
        return true;
    }

    private async Task CreateUserAsync(DemoUser demoUser, string password)
    {
        var user = new CityUser
        {
            UserName = demoUser.UserName,
            DisplayName = demoUser.DisplayName,
            Email = demoUser.Email,
            DepartmentId = demoUser.DepartmentId,
            AreaId = demoUser.AreaId,
        };
        Require(await users.CreateAsync(user, password), demoUser.UserName);
        Require(await users.AddToRolesAsync(user, demoUser.Roles), demoUser.UserName);
    }

    private static void Require(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Demo user '{userName}' could not be created: {string.Join(" ", result.Errors.Select(error => error.Description))}");
        }
    }
}
