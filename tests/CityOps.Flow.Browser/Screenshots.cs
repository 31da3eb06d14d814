using Microsoft.Playwright;

namespace CityOps.Flow.Browser;

/// <summary>Saves a full-page screenshot of every page the tests visit, under artifacts/screenshots of the repository.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(ArtifactsRoot(), "screenshots")).FullName;

    public static async Task SaveAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });

    private static string ArtifactsRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CityOps.Flow.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? AppContext.BaseDirectory, "artifacts");
    }
}
