namespace CityOps.Flow.Web.Api;

/// <summary>The signed-in user as GET /api/me returns it.</summary>
/// <param name="UserName">The sign-in name.</param>
/// <param name="DisplayName">The name shown in the portal.</param>
/// <param name="Roles">Role names such as "dispatcher".</param>
/// <param name="Language">The language the portal speaks to this user: "zh-CN" or "en".</param>
public sealed record CurrentUser(string UserName, string DisplayName, IReadOnlyList<string> Roles, string Language);
