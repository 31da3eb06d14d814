using CityOps.Flow.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CityOps.Flow.Web.Hosting;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>
    /// Keeps the keys that protect sign-in and antiforgery cookies in <c>CityOps:KeysDirectory</c>, by default
    /// <c>&lt;Storage:DataDirectory&gt;/keys</c> beside the SQLite file, so sessions survive a restart. Several nodes
    /// sharing a PostgreSQL database must point this setting at one shared folder.
    /// </summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration["CityOps:KeysDirectory"];
        services.AddDataProtection().SetApplicationName("CityOps.Flow");
        services.AddOptions<KeyManagementOptions>()
            .Configure<StorageOptions, IWebHostEnvironment, ILoggerFactory>((keys, storage, environment, loggers) =>
            {
                var folder = string.IsNullOrWhiteSpace(configured)
                    ? Path.Combine(storage.DataDirectory, "keys")
                    : Path.GetFullPath(configured, environment.ContentRootPath);
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), loggers);
            });
        return services;
    }
}
