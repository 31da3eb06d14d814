using Microsoft.AspNetCore.Localization;

namespace CityOps.Flow.Web.Localization;

public static class LocalizationServiceCollectionExtensions
{
    /// <summary>
    /// Resource-backed text in zh-CN (default) and English. The language is taken from the signed-in user's
    /// preference, then from the culture cookie anonymous visitors get when they switch; the browser's
    /// Accept-Language is not consulted so the portal opens in Chinese unless someone chose otherwise.
    /// </summary>
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(PortalCultures.Chinese)
                .AddSupportedCultures([.. PortalCultures.Supported])
                .AddSupportedUICultures([.. PortalCultures.Supported]);
            options.RequestCultureProviders =
            [
                new PreferredLanguageCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }
}
