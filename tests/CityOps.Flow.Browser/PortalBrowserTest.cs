using Microsoft.Playwright;

namespace CityOps.Flow.Browser;

/// <summary>Each test gets its own Chromium and its own portal on a fresh data folder, so no test sees another's users or settings.</summary>
public abstract class PortalBrowserTest : IAsyncLifetime
{
    private IPlaywright playwright = null!;

    protected PortalServer Server { get; private set; } = null!;

    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        IBrowser browser;
        (playwright, browser) = await Chromium.LaunchAsync();
        Browser = browser;
        Server = new PortalServer();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright.Dispose();
        await Server.DisposeAsync();
    }
}
