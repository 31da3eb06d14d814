using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Browser.Supervision;

/// <summary>
/// The real portal on Kestrel over a fresh SQLite data folder, running on the host's adjustable test clock
/// (<c>CityOps:Clock:Adjustable</c>) from <paramref name="start"/>, so a test can let cases run past their limits.
/// </summary>
public sealed class ClockedPortalServer : WebApplicationFactory<Program>
{
    private readonly string dataDirectory =
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cityops-browser-tests", Guid.NewGuid().ToString("N"))).FullName;

    private readonly DateTimeOffset start;

    public ClockedPortalServer(DateTimeOffset start)
    {
        this.start = start;
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>Where the portal listens, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
        builder.UseSetting("CityOps:Clock:Adjustable", "true");
        builder.UseSetting("CityOps:Clock:Start", start.ToString("O"));
    }
}
