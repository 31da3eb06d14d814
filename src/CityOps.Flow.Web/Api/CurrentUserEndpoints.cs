using System.Globalization;
using System.Security.Claims;
using CityOps.Flow.Web.Identity;

namespace CityOps.Flow.Web.Api;

public static class CurrentUserEndpoints
{
    /// <summary>GET /api/me: who is signed in; 401 problem details without a session.</summary>
    public static IEndpointRouteBuilder MapCurrentUserApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/me", (ClaimsPrincipal user) => Describe(user))
            .RequireAuthorization()
            .WithName("GetCurrentUser")
            .WithTags("Account")
            .WithSummary("The signed-in user's name, roles and language.")
            .Produces<CurrentUser>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return endpoints;
    }

    private static CurrentUser Describe(ClaimsPrincipal user)
    {
        var userName = user.Identity?.Name ?? "";
        return new CurrentUser(
            userName,
            user.FindFirst(CityClaimTypes.DisplayName)?.Value ?? userName,
            user.FindAll(ClaimTypes.Role).Select(claim => claim.Value).Order(StringComparer.Ordinal).ToList(),
            CultureInfo.CurrentUICulture.Name);
    }
}
