using CityOps.Flow.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CityOps.Flow.Web.Hosting;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>
    /// Keeps the keys that protect sign-in and antiforgery cookies in <c>&lt;Storage:DataDirectory&gt;/keys</c>, beside
    /// the SQLite file, so sessions survive a restart and a copied data folder carries them along.
    /// </summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("CityOps.Flow");
        services.AddOptions<KeyManagementOptions>()
            .Configure<StorageOptions, ILoggerFactory>((keys, storage, loggers) =>
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(storage.DataDirectory, "keys")), loggers));
        return services;
    }
}
