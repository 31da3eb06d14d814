using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CityOps.Flow.Web.Identity;

/// <summary>Adds the display name and the preferred language to the sign-in cookie, so pages need no lookup to show them.</summary>
public sealed class CityUserClaimsPrincipalFactory(
    UserManager<CityUser> users,
    RoleManager<CityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CityUser, CityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CityUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CityClaimTypes.DisplayName, user.DisplayName));
        if (user.PreferredLanguage is { } language)
        {
            identity.AddClaim(new Claim(CityClaimTypes.PreferredLanguage, language));
        }

        return identity;
    }
}
