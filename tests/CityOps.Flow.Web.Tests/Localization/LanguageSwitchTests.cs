using System.Net;
using System.Text.Json;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Localization;

public sealed class LanguageSwitchTests : IAsyncLifetime
{
    private readonly PortalHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_portal_speaks_chinese_until_someone_chooses()
    {
        var page = await new PortalClient(host).GetPageAsync("/sign-in");

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("登录城运中心", page.QuerySelector("h2")!.TextContent.Trim());
    }

    [Fact]
    public async Task Anonymous_visitor_switches_to_english_and_the_cookie_keeps_it()
    {
        var client = new PortalClient(host);

        var response = await client.SwitchLanguageAsync("en", "/sign-in");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", PortalClient.PathOf(response.Headers.Location!));
        var page = await client.GetPageAsync("/sign-in");
        Assert.Equal("Sign in to the City Operations Centre", page.QuerySelector("h2")!.TextContent.Trim());
    }

    [Fact]
    public async Task Signed_in_user_language_is_stored_and_follows_the_user_to_a_new_browser()
    {
        var first = new PortalClient(host);
        await first.SignInAsync("leader", "Leader#2026");
        await first.SwitchLanguageAsync("en", "/");

        var second = new PortalClient(host);
        await second.SignInAsync("leader", "Leader#2026");
        var home = await second.GetPageAsync("/");

        Assert.Equal("en", home.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Your role: Leader", home.QuerySelector("[data-role-home=leader] .card-title")!.TextContent.Trim());
        using var me = JsonDocument.Parse(await second.Http.GetStringAsync("/api/me"));
        Assert.Equal("en", me.RootElement.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Language_switch_without_antiforgery_token_is_refused()
    {
        var client = new PortalClient(host);
        await client.GetPageAsync("/sign-in");

        var response = await client.Http.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "/sign-in",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("登录城运中心", (await client.GetPageAsync("/sign-in")).QuerySelector("h2")!.TextContent.Trim());
    }

    [Fact]
    public async Task Return_url_outside_the_portal_is_not_followed()
    {
        var client = new PortalClient(host);

        var response = await client.SwitchLanguageAsync("en", "/sign-in");
        var page = await client.GetPageAsync("/sign-in");
        var token = PortalClient.AntiforgeryTokenOf(page);
        var offsite = await client.Http.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["culture"] = "zh-CN",
            ["returnUrl"] = "//evil.example/phish",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", PortalClient.PathOf(offsite.Headers.Location!));
    }
}
