using System.Security.Claims;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Identity;

namespace CityOps.Flow.Web.Cases;

/// <summary>
/// The data scope of the signed-in user, from their area and department: handlers see the cases their department
/// leads; every other role sees the cases in their area and everything below it — the district for district-level
/// staff (leader, supervisor, auditor, administrator, the centre's operators and dispatchers), one street for a
/// street's staff. A user with neither sees nothing.
/// </summary>
public sealed class CaseScopes(UserRepository users, CityAreasSource areas)
{
    /// <summary>Roles allowed to see a reporter's full name and phone number, to call them back; each reveal is audited.</summary>
    public static IReadOnlyList<string> PersonalDataRoles { get; } = [CityRoles.Operator, CityRoles.Dispatcher, CityRoles.Supervisor];

    /// <summary>Roles that may file reports by hand or on behalf of a channel.</summary>
    public static IReadOnlyList<string> IntakeRoles { get; } = [CityRoles.Operator, CityRoles.Dispatcher, CityRoles.Administrator];

    public async Task<DataScope> ForAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId
            || await users.FindByIdAsync(userId, ct) is not { } user)
        {
            return new DataScope([], []);
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var departments = roles.Contains(CityRoles.Handler) && user.DepartmentId is { } department ? [department] : Array.Empty<string>();
        var seesArea = roles.Any(role => role != CityRoles.Handler);
        var areaIds = seesArea && user.AreaId is { } areaId ? (await areas.GetAsync(ct)).Subtree(areaId) : [];
        return new DataScope(areaIds, departments);
    }
}
