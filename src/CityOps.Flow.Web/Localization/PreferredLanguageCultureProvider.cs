using CityOps.Flow.Web.Identity;
using Microsoft.AspNetCore.Localization;

namespace CityOps.Flow.Web.Localization;

/// <summary>
/// Chooses the signed-in user's stored preferred language, which the sign-in cookie carries as a claim, so the
/// choice follows the user to any browser.
/// </summary>
public sealed class PreferredLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = PortalCultures.Normalize(httpContext.User.FindFirst(CityClaimTypes.PreferredLanguage)?.Value);
        return Task.FromResult(language is null ? null : new ProviderCultureResult(language));
    }
}
