namespace CityOps.Flow.Web.DemoOrganisation;

public static class DemoOrganisationServiceCollectionExtensions
{
    public static IServiceCollection AddDemoOrganisation(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoOrganisationOptions>(configuration.GetSection(DemoOrganisationOptions.Section));
        services.AddScoped<DemoOrganisationSeeder>();
        return services;
    }
}
