using CityOps.Flow.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CityOps.Flow.Web.Health;

/// <summary>Ready means the database answers a trivial query; a node that cannot reach it should get no traffic.</summary>
public sealed class DatabaseHealthCheck(DatabaseHealth database, IDbConnectionFactory connections) : IHealthCheck
{
    public const string ReadyTag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"The {connections.Dialect} database answers.")
            : HealthCheckResult.Unhealthy($"The {connections.Dialect} database cannot be reached.");
}
