using System.Collections.Concurrent;
using CityOps.Flow.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityOps.Flow.Web.Tests.Hosting;

/// <summary>The real portal over HTTP with its own SQLite data folder, and the log lines it wrote.</summary>
/// <param name="dataDirectory">The data folder; by default a new one that is deleted with the host.</param>
public sealed class PortalHost(string? dataDirectory = null, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    private readonly bool ownsDataDirectory = dataDirectory is null;

    public string DataDirectory { get; } = dataDirectory ?? NewDataDirectory();

    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>Service changes applied after the portal's own registrations (for simulating a broken dependency).</summary>
    public Action<IServiceCollection>? ReplaceServices { get; init; }

    public StartupReport Startup => Services.GetRequiredService<StartupReport>();

    public static string NewDataDirectory() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cityops-web-tests", Guid.NewGuid().ToString("N"))).FullName;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDataDirectory)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new RecordingLoggerProvider(Log)));
        if (ReplaceServices is { } replace)
        {
            builder.ConfigureTestServices(replace);
        }
    }
}
