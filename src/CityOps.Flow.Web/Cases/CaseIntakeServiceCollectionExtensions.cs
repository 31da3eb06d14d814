using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake.Clustering;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases;

public static class CaseIntakeServiceCollectionExtensions
{
    /// <summary>
    /// Registers case storage, the clustering rule, the lifecycle sync, the category catalogue (<c>Cases:Catalog</c>, by default <c>samples/catalog/categories.json</c>
    /// beside the binaries or in the nearest folder above the content root holding it), the district's addresses, intake and data scopes.
    /// Needs <c>AddCityOpsStorage</c> and <c>AddWorkflowRuntime</c> first.
    /// </summary>
    public static IServiceCollection AddCaseIntake(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var path = LocateCatalog(configuration["Cases:Catalog"], contentRoot);
        services.AddCityOpsCaseStorage();
        services.AddSingleton(_ =>
        {
            var loaded = CatalogLoader.LoadFile(path);
            return loaded.Catalog ?? throw new InvalidOperationException(
                $"The category catalogue {path} cannot be loaded: {string.Join("; ", loaded.Problems)}");
        });
        services.AddSingleton<CityAreasSource>();
        services.AddCityAddresses(configuration, contentRoot);
        services.AddSingleton<CaseScopes>();
        services.AddSingleton(ClusteringFrom(configuration));
        services.AddSingleton<CaseIntakeWriteGate>();
        services.AddSingleton<CaseIntakeLifecycleSync>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseIntakeLifecycleSync>());
        services.AddSingleton<CaseIntake>();
        return services;
    }

    /// <summary>
    /// The clustering rule: <c>Cases:Clustering:RadiusMetres</c> (default 50) and <c>Cases:Clustering:Window</c>
    /// (default 1.00:00:00, how long after a case's latest report another one still joins it).
    /// </summary>
    private static ClusteringPolicy ClusteringFrom(IConfiguration configuration)
    {
        var defaults = ClusteringPolicy.Default.DefaultRule;
        var radius = configuration.GetValue("Cases:Clustering:RadiusMetres", defaults.RadiusMetres);
        var window = configuration.GetValue("Cases:Clustering:Window", defaults.Window);
        return radius == defaults.RadiusMetres && window == defaults.Window
            ? ClusteringPolicy.Default
            : new ClusteringPolicy(new ClusteringRule(radius, window));
    }

    private static string LocateCatalog(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(Path.Combine(contentRoot, configured));
        }

        var relative = Path.Combine("samples", "catalog", "categories.json");
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

        throw new InvalidOperationException($"No {relative} beside the binaries or above {contentRoot}; set Cases:Catalog.");
    }
}
