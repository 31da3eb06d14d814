using System.Security.Claims;
using CityOps.Flow.Web.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityOps.Flow.Web.Portal.Intake;

/// <summary>
/// The intake page's partial: <c>GET /intake/lookup?Input.Category=&amp;Input.Address=</c> renders where the address
/// lies and the open cases of the category nearby, and swaps the address suggestions in (htmx).
/// </summary>
public static class IntakeEndpoints
{
    public static IEndpointRouteBuilder MapIntakeDesk(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/intake/lookup", LookupAsync)
            .RequireAuthorization(policy => policy.RequireRole(IntakePage.IntakeRoles.Split(',')))
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<RazorComponentResult<IntakeLookupPanel>> LookupAsync(HttpContext context, ClaimsPrincipal user, IntakeDesk desk)
    {
        var query = context.Request.Query;
        var lookup = await desk.LookupAsync(query["Input.Category"].ToString(), query["Input.Address"].ToString(), user, context.RequestAborted);
        return new RazorComponentResult<IntakeLookupPanel>(new Dictionary<string, object?>
        {
            [nameof(IntakeLookupPanel.Lookup)] = lookup,
            [nameof(IntakeLookupPanel.SwapSuggestions)] = true,
        });
    }
}
