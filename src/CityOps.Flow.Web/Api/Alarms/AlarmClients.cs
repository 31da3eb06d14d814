using System.Globalization;
using System.Threading.RateLimiting;
using CityOps.Flow.Web.Api.Clients;

namespace CityOps.Flow.Web.Api.Alarms;

/// <summary>
/// The machines allowed to post alarms (IoT platforms, AI video alarm boxes), each with its own API key
/// (<c>Alarms:Clients:&lt;name&gt;:KeyHash</c>, the SHA-256 of the key in hex) and its own fixed-window limit of
/// <c>Alarms:Clients:&lt;name&gt;:PermitsPerMinute</c> requests (default <c>Alarms:PermitsPerMinute</c>, 600). A client
/// over its limit is refused; the others are not slowed.
/// </summary>
public sealed class AlarmClients : IDisposable
{
    public const string Section = "Alarms:Clients";

    private readonly ApiClientKeys _keys;
    private readonly PartitionedRateLimiter<string> _limits;
    private readonly IReadOnlyDictionary<string, int> _permits;

    public AlarmClients(IConfiguration configuration)
    {
        _keys = new ApiClientKeys(configuration, Section);
        var fallback = configuration.GetValue("Alarms:PermitsPerMinute", 600);
        _permits = _keys.Names.ToDictionary(
            name => name,
            name => configuration.GetValue($"{Section}:{name}:PermitsPerMinute", fallback),
            StringComparer.Ordinal);
        foreach (var (name, permits) in _permits)
        {
            if (permits < 1)
            {
                throw new InvalidOperationException($"{Section}:{name}:PermitsPerMinute must be at least 1");
            }
        }

        _limits = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, name =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = _permits[name],
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public IEnumerable<string> Names => _keys.Names;

    /// <summary>The client owning the key, or null for a missing or unknown key.</summary>
    public string? Identify(string? apiKey) => _keys.Identify(apiKey);

    public int PermitsPerMinute(string client) => _permits[client];

    /// <summary>Takes one request from the client's window; when refused, how long until the window has room again.</summary>
    public (bool Allowed, TimeSpan RetryAfter) TryAcquire(string client)
    {
        using var lease = _limits.AttemptAcquire(client);
        if (lease.IsAcquired)
        {
            return (true, TimeSpan.Zero);
        }

        return (false, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1));
    }

    /// <summary>Retry-After as the header wants it: whole seconds, at least one.</summary>
    public static string RetryAfterHeader(TimeSpan retryAfter) =>
        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _limits.Dispose();
}
