using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CityOps.Flow.Web.Health;

public static class HealthEndpoints
{
    /// <summary>
    /// /health/live: the process answers (no checks, for restarts). /health/ready: the database can be reached
    /// (503 otherwise, for load balancers).
    /// </summary>
    public static IEndpointRouteBuilder MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(DatabaseHealthCheck.ReadyTag) });
        return endpoints;
    }
}
