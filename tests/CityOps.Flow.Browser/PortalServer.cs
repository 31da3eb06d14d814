using CityOps.Flow.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Browser;

/// <summary>The real portal on Kestrel at a free local port, over a fresh SQLite data folder.</summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    private readonly string dataDirectory =
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cityops-browser-tests", Guid.NewGuid().ToString("N"))).FullName;

    public PortalServer()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>Where the portal listens, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; }

    public bool DemoOrganisationSeeded => Services.GetRequiredService<StartupReport>().DemoOrganisationSeeded;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
}
