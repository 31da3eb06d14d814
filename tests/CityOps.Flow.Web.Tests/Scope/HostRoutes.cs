using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Web.Tests.Scope;

/// <summary>Every route the host maps, read from its endpoint data source, as "METHOD /pattern" keys.</summary>
public static class HostRoutes
{
    public static IReadOnlyList<string> Of(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is null || methods.Count == 0)
            {
                keys.Add($"ANY {pattern}");
                continue;
            }

            foreach (var method in methods)
            {
                keys.Add($"{method} {pattern}");
            }
        }

        return [.. keys];
    }
}
