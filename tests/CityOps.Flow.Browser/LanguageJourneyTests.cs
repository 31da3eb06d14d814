using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CityOps.Flow.Browser;

public sealed class LanguageJourneyTests : PortalBrowserTest
{
    [Fact]
    public async Task Chosen_language_survives_reload_and_the_next_sign_in_from_a_fresh_browser()
    {
        await using var session = await PortalSession.OpenAsync(Browser, Server.BaseUrl);
        await session.Page.GotoAsync("/sign-in");
        await Expect(session.Page.Locator("h2")).ToHaveTextAsync("登录城运中心");
        await Screenshots.SaveAsync(session.Page, "sign-in-zh");
        Assert.True(await session.Page.EvaluateAsync<bool>("() => typeof window.htmx?.ajax === 'function'"), "the portal bundle loads htmx");

        await session.SignInAsync("leader", "Leader#2026");
        await Expect(session.Page.Locator("[data-role=welcome]")).ToHaveTextAsync("您好，刘洋");

        await session.Page.ClickAsync("button[name=culture][value=en]");
        await Expect(session.Page.Locator("[data-role=welcome]")).ToHaveTextAsync("Hello, 刘洋");
        await Expect(session.Page.Locator("[data-nav=Home]")).ToHaveTextAsync("Home");
        await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Screenshots.SaveAsync(session.Page, "home-leader-en");

        await session.Page.ReloadAsync();
        await Expect(session.Page.Locator("[data-role-home] .card-title")).ToHaveTextAsync("Your role: Leader");

        await session.SignOutAsync();
        // Forget the browser's culture cookie too: what remains is the preference stored with the user.
        await session.Context.ClearCookiesAsync();
        await session.Page.ReloadAsync();
        await Expect(session.Page.Locator("h2")).ToHaveTextAsync("登录城运中心");

        await session.SignInAsync("leader", "Leader#2026");

        await Expect(session.Page.Locator("[data-role=welcome]")).ToHaveTextAsync("Hello, 刘洋");
        await Expect(session.Page.Locator("[data-role=sign-out]")).ToHaveTextAsync("Sign out");
        await Screenshots.SaveAsync(session.Page, "home-leader-en-after-sign-in");

        await session.Page.ClickAsync("button[name=culture][value=zh-CN]");
        await Expect(session.Page.Locator("[data-role=welcome]")).ToHaveTextAsync("您好，刘洋");
        Assert.True(session.ScriptErrors.Count == 0, string.Join(Environment.NewLine, session.ScriptErrors));
    }

    [Fact]
    public async Task Anonymous_visitor_switches_the_sign_in_page_to_english()
    {
        await using var session = await PortalSession.OpenAsync(Browser, Server.BaseUrl);
        await session.Page.GotoAsync("/sign-in");

        await session.Page.ClickAsync("button[name=culture][value=en]");

        await Expect(session.Page).ToHaveURLAsync($"{Server.BaseUrl}/sign-in");
        await Expect(session.Page.Locator("h2")).ToHaveTextAsync("Sign in to the City Operations Centre");
        await Expect(session.Page.Locator("label[for=sign-in-password]")).ToHaveTextAsync("Password");
        await Screenshots.SaveAsync(session.Page, "sign-in-en");
        Assert.True(session.ScriptErrors.Count == 0, string.Join(Environment.NewLine, session.ScriptErrors));
    }
}
