using Microsoft.Playwright;

namespace CityOps.Flow.Browser;

/// <summary>
/// Every role visits every page its navigation offers, at desktop (1366×768) and phone width, in Chinese: each page
/// answers, raises no script error, fits the phone's width without sideways scrolling, and is saved as a screenshot.
/// New pages join the tour by appearing in the navigation.
/// </summary>
public sealed class PageTourTests : PortalBrowserTest
{
    private static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Theory]
    [InlineData("operator", "Operator#2026")]
    [InlineData("dispatcher", "Dispatcher#2026")]
    [InlineData("handler", "Handler#2026")]
    [InlineData("supervisor", "Supervisor#2026")]
    [InlineData("leader", "Leader#2026")]
    [InlineData("auditor", "Auditor#2026")]
    [InlineData("admin", "Admin#2026")]
    public async Task Every_page_in_the_navigation_renders_at_desktop_and_phone_width(string userName, string password)
    {
        await using var session = await PortalSession.OpenAsync(Browser, Server.BaseUrl);
        await session.Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        await session.SignInAsync(userName, password);

        var pages = await session.Page.Locator("[data-nav]").EvaluateAllAsync<string[][]>(
            "links => links.map(link => [link.dataset.nav, link.getAttribute('href')])");
        Assert.NotEmpty(pages);

        var problems = new List<string>();
        foreach (var (viewport, width) in new[] { (Desktop, "desktop"), (Phone, "phone") })
        {
            await session.Page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            foreach (var page in pages)
            {
                var (key, path) = (page[0], page[1]);
                var response = await session.Page.GotoAsync(path);
                await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                if (response is null || !response.Ok)
                {
                    problems.Add($"{path} answered {response?.Status.ToString() ?? "nothing"}");
                    continue;
                }

                var overflow = await session.Page.EvaluateAsync<int>(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow > 1)
                {
                    problems.Add($"{path} at {width} width scrolls sideways by {overflow}px");
                }

                await Screenshots.SaveAsync(session.Page, $"tour-{userName}-{key.ToLowerInvariant()}-{width}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(session.ScriptErrors.Count == 0, string.Join(Environment.NewLine, session.ScriptErrors));
    }
}
