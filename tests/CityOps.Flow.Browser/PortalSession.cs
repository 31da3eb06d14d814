using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CityOps.Flow.Browser;

/// <summary>One browser window on the portal, recording any script error the page raises.</summary>
public sealed class PortalSession(IBrowserContext context, IPage page, string baseUrl) : IAsyncDisposable
{
    public const string AuthCookie = ".AspNetCore.Identity.Application";

    private readonly List<string> scriptErrors = [];

    public IPage Page { get; } = page;

    public IBrowserContext Context { get; } = context;

    public IReadOnlyList<string> ScriptErrors => scriptErrors;

    public static async Task<PortalSession> OpenAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "en-US" });
        // The machines running these tests are often busy; waiting longer costs nothing when the page is quick.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        var session = new PortalSession(context, page, baseUrl);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                session.scriptErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => session.scriptErrors.Add(error);
        return session;
    }

    public async Task SignInAsync(string userName, string password)
    {
        await Page.GotoAsync("/sign-in");
        await Page.FillAsync("#sign-in-user-name", userName);
        await Page.FillAsync("#sign-in-password", password);
        await Page.ClickAsync("[data-role=sign-in-submit]");
        // Either the home page greets the user or the sign-in page says why not; a fresh sign-in page shows neither.
        await Page.Locator("[data-role=welcome], [data-role=sign-in-error]").WaitForAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Signs out the way a user does: open the user menu (a Tabler dropdown) and choose "sign out".</summary>
    public async Task SignOutAsync()
    {
        await Page.ClickAsync("[data-role=user-menu] > a");
        await Expect(Page.Locator("[data-role=sign-out]")).ToBeVisibleAsync();
        await Page.ClickAsync("[data-role=sign-out]");
        await Page.WaitForURLAsync($"{baseUrl}/sign-in");
    }

    public async Task<bool> HasSessionCookieAsync() =>
        (await Context.CookiesAsync()).Any(cookie => cookie.Name == AuthCookie);

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
