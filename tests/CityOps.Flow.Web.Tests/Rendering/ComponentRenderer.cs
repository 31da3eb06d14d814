using System.Globalization;
using System.Security.Claims;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Portal;
using CityOps.Flow.Web.Portal.Navigation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityOps.Flow.Web.Tests.Rendering;

/// <summary>Renders one portal component to HTML with the framework's <see cref="HtmlRenderer"/>, as the server would.</summary>
public sealed class ComponentRenderer
{
    public const string AntiforgeryToken = "test-antiforgery-token";

    public ClaimsPrincipal User { get; init; } = new(new ClaimsIdentity());

    public string Culture { get; init; } = "zh-CN";

    public string Path { get; init; } = "/";

    public PortalNavigation Navigation { get; init; } = PortalNavigation.FromRoutesIn(typeof(App).Assembly);

    /// <summary>Services a component needs beyond the portal's basics (applied last).</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>A signed-in user holding <paramref name="roles"/>, as the sign-in cookie describes them.</summary>
    public static ClaimsPrincipal SignedIn(string userName, string displayName, params string[] roles) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, userName),
                new Claim(CityClaimTypes.DisplayName, displayName),
                .. roles.Select(role => new Claim(ClaimTypes.Role, role)),
            ],
            "test"));

    public async Task<IHtmlDocument> RenderAsync<TComponent>(IDictionary<string, object?>? parameters = null) where TComponent : IComponent
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        services.AddSingleton(Navigation);
        services.AddSingleton<NavigationManager>(new FixedNavigationManager("http://portal.test/", "http://portal.test" + Path));
        services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgeryStateProvider());
        services.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationStateProvider(User));
        services.AddCascadingAuthenticationState();
        Services?.Invoke(services);
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());

        var culture = CultureInfo.GetCultureInfo(Culture);
        var (previousCulture, previousUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters ?? new Dictionary<string, object?>()))).ToHtmlString());
            return new HtmlParser().ParseDocument(html);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previousCulture, previousUiCulture);
        }
    }

    private sealed class FixedNavigationManager : NavigationManager
    {
        public FixedNavigationManager(string baseUri, string uri) => Initialize(baseUri, uri);
    }

    private sealed class FixedAntiforgeryStateProvider : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new(AntiforgeryToken, "__RequestVerificationToken");
    }

    private sealed class FixedAuthenticationStateProvider(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
