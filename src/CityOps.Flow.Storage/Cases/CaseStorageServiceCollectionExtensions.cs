using CityOps.Flow.Cases.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityOps.Flow.Storage;

/// <summary>Registers case storage and the audit log on the connection factory <c>AddCityOpsStorage</c> registered.</summary>
public static class CaseStorageServiceCollectionExtensions
{
    public static IServiceCollection AddCityOpsCaseStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqlAuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<SqlAuditLog>());
        services.AddSingleton<CaseRepository>();
        return services;
    }
}
