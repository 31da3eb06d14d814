namespace CityOps.Flow.Web.DemoOrganisation;

/// <summary>A demo sign-in. The password is for demonstrations only (see README, "Demo sign-ins").</summary>
public sealed record DemoUser(
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string Password,
    string? Email,
    string? DepartmentId,
    string? AreaId);
