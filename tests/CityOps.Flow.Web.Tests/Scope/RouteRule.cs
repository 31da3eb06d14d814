namespace CityOps.Flow.Web.Tests.Scope;

/// <summary>
/// How the scope matrix treats one route ("METHOD /pattern" as the host maps it): exempt with the reason it holds no
/// case data, or probed by each street-A user against street-B data with an expectation, and called once by a user
/// who may see that data (the control) to prove the probe addresses something real.
/// </summary>
public sealed record RouteRule
{
    public required string Route { get; init; }

    public string? ExemptBecause { get; init; }

    public Func<ScopeWorld, ScopeUser, Task<HttpResponseMessage>>? Probe { get; init; }

    public ScopeExpectation Expect { get; init; }

    /// <summary>The same request by a district user, which must succeed (2xx); run after every probe.</summary>
    public Func<ScopeWorld, Task<HttpResponseMessage>>? Control { get; init; }

    public static RouteRule Exempt(string route, string because) => new() { Route = route, ExemptBecause = because };
}
