using CityOps.Flow.Web.Tests.Lifecycle;

namespace CityOps.Flow.Web.Tests.Scope;

/// <summary>A signed-in user of street A with one role.</summary>
public sealed record ScopeUser(string Role, ApiSession Session)
{
    public override string ToString() => $"{Role} of street A";
}
