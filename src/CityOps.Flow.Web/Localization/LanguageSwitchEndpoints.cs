using CityOps.Flow.Storage;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Portal;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CityOps.Flow.Web.Localization;

public static class LanguageSwitchEndpoints
{
    public const string Path = "/language";

    /// <summary>
    /// POST /language (form: culture, returnUrl): remembers the choice in the culture cookie and, for a signed-in
    /// user, as the user's preferred language; then returns to the page the switch was made on.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, SwitchAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> SwitchAsync(
        HttpContext context,
        [FromForm] string culture,
        [FromForm] string? returnUrl,
        UserManager<CityUser> users,
        UserRepository userRows,
        SignInManager<CityUser> signIn)
    {
        var language = PortalCultures.Normalize(culture);
        if (language is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unsupported language",
                detail: $"'{culture}' is not one of: {string.Join(", ", PortalCultures.Supported)}.");
        }

        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

        if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } user)
        {
            if (await userRows.SetPreferredLanguageAsync(user.Id, language))
            {
                // The sign-in cookie carries the language as a claim; reissue it so the next page already uses it.
                user.PreferredLanguage = language;
                await signIn.RefreshSignInAsync(user);
            }
        }

        return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
    }
}
