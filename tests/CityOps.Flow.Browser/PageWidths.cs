using Microsoft.Playwright;

namespace CityOps.Flow.Browser;

/// <summary>The two widths the portal must work at: an office desktop (1366×768) and a grid inspector's phone (390×844).</summary>
public static class PageWidths
{
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>Saves <c>&lt;name&gt;-desktop.png</c> and <c>&lt;name&gt;-phone.png</c>, then leaves the page at desktop width.</summary>
    public static async Task SaveBothAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        await Screenshots.SaveAsync(page, $"{name}-desktop");
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await Screenshots.SaveAsync(page, $"{name}-phone");
        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
    }
}
