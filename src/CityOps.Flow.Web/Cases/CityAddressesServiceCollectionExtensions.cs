using CityOps.Flow.Cases.Org;

namespace CityOps.Flow.Web.Cases;

public static class CityAddressesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the district's addresses (<see cref="CityAddresses"/>) from the gazetteer <c>Cases:Gazetteer</c>, by
    /// default samples/demo-gazetteer.json beside the binaries or in the nearest folder above the content root. <c>AddCaseIntake</c> calls it.
    /// </summary>
    public static IServiceCollection AddCityAddresses(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        if (services.Any(s => s.ServiceType == typeof(CityAddresses)))
        {
            return services;
        }

        var path = Locate(configuration["Cases:Gazetteer"], contentRoot);
        services.AddSingleton(_ =>
        {
            var reading = Gazetteer.Parse(File.ReadAllText(path));
            return reading.Gazetteer ?? throw new InvalidOperationException(
                $"The gazetteer {path} cannot be loaded: {string.Join("; ", reading.Problems)}");
        });
        services.AddSingleton<CityAddresses>();
        return services;
    }

    private static string Locate(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(Path.Combine(contentRoot, configured));
        }

        var relative = Path.Combine("samples", "demo-gazetteer.json");
        foreach (var start in new[] { AppContext.BaseDirectory, contentRoot })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException($"No {relative} beside the binaries or above {contentRoot}; set Cases:Gazetteer.");
    }
}
