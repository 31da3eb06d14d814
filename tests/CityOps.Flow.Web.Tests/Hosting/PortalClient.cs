using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CityOps.Flow.Web.Tests.Hosting;

/// <summary>An HTTP client that behaves like a browser posting the portal's forms: cookies kept, redirects visible.</summary>
public sealed class PortalClient(PortalHost host)
{
    public const string AuthCookie = ".AspNetCore.Identity.Application";

    public HttpClient Http { get; } = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public async Task<IHtmlDocument> GetPageAsync(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts the sign-in form as the browser would after loading the page (antiforgery token included).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string userName, string password)
    {
        var page = await GetPageAsync("/sign-in");
        var token = AntiforgeryTokenOf(page);
        return await Http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    public async Task<HttpResponseMessage> SwitchLanguageAsync(string culture, string returnUrl)
    {
        var page = await GetPageAsync(returnUrl);
        var form = page.QuerySelector("form[data-role=language-switch]")!;
        return await Http.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["culture"] = culture,
            ["returnUrl"] = returnUrl,
        }));
    }

    /// <summary>The path a redirect points to, whether the portal wrote it relative or absolute.</summary>
    public static string PathOf(Uri location) =>
        location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    public static string AntiforgeryTokenOf(IHtmlDocument page) =>
        page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new Xunit.Sdk.XunitException("The page has no form with an antiforgery token.");

    public static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(cookie => cookie.StartsWith(AuthCookie + "=", StringComparison.Ordinal) && !cookie.StartsWith(AuthCookie + "=;", StringComparison.Ordinal));
}
