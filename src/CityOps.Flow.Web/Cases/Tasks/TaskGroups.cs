using System.Security.Claims;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Identity;

namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>
/// The case lifecycle's candidate groups a signed-in user belongs to: a handler's department gives
/// <c>dept:&lt;departmentId&gt;</c>; a dispatcher of a street gives <c>dispatch:&lt;streetId&gt;</c>, a dispatcher of the
/// district centre <c>dispatch:district</c> and every street's <c>dispatch:&lt;streetId&gt;</c> below it; a supervisor
/// <c>supervisors</c>; an operator <c>callback</c> and <c>triage</c>.
/// </summary>
public sealed class TaskGroups(UserRepository users, CityAreasSource areas)
{
    /// <summary>The dispatch desks: the district centre's and each street's.</summary>
    public const string DispatchPrefix = "dispatch:";

    public const string District = DispatchPrefix + "district";

    public async Task<IReadOnlyList<string>> ForAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId
            || await users.FindByIdAsync(userId, ct) is not { } user)
        {
            return [];
        }

        var groups = new List<string>();
        if (principal.IsInRole(CityRoles.Handler) && user.DepartmentId is { } department)
        {
            groups.Add($"dept:{department}");
        }

        if (principal.IsInRole(CityRoles.Dispatcher) && user.AreaId is { } areaId)
        {
            var city = await areas.GetAsync(ct);
            var streets = city.Subtree(areaId).Where(id => city.Place(id).StreetId == id).ToList();
            if (!streets.Contains(areaId))
            {
                groups.Add(District);
            }

            groups.AddRange(streets.Select(street => DispatchPrefix + street));
        }

        if (principal.IsInRole(CityRoles.Supervisor))
        {
            groups.Add("supervisors");
        }

        if (principal.IsInRole(CityRoles.Operator))
        {
            groups.AddRange(["callback", "triage"]);
        }

        return groups;
    }
}
