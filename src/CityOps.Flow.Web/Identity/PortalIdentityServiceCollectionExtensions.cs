using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CityOps.Flow.Web.Identity;

public static class PortalIdentityServiceCollectionExtensions
{
    /// <summary>Failed passwords in a row before an account locks.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>How often an open session is checked against the user's security stamp.</summary>
    public static readonly TimeSpan SessionRecheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// ASP.NET Core Identity (password hashing, lockout, security stamps) over the Dapper-backed stores, with the
    /// sign-in cookie. API calls without a session get 401/403 instead of a redirect to the sign-in page.
    /// </summary>
    public static IServiceCollection AddCityOpsIdentity(this IServiceCollection services)
    {
        services.AddIdentity<CityUser, CityRole>(options =>
            {
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Password.RequiredLength = 8;
                options.SignIn.RequireConfirmedAccount = false;
                options.SignIn.RequireConfirmedEmail = false;
                options.User.RequireUniqueEmail = false;
            })
            .AddUserStore<CityUserStore>()
            .AddRoleStore<CityRoleStore>()
            .AddClaimsPrincipalFactory<CityUserClaimsPrincipalFactory>();
        services.AddScoped<RoleSetup>();
        // A changed password or role takes effect in open sessions within a minute, not the default half hour.
        services.Configure<SecurityStampValidatorOptions>(stamps => stamps.ValidationInterval = SessionRecheckInterval);

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/sign-in";
            cookie.LogoutPath = AccountEndpoints.SignOutPath;
            cookie.AccessDeniedPath = "/";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Identity's own events (the security-stamp check of open sessions) stay; only the redirects change.
            cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        return services;
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
