using System.Threading.RateLimiting;
using CityOps.Flow.Web.Api.Clients;
using Microsoft.AspNetCore.RateLimiting;

namespace CityOps.Flow.Web.Api.Open311;

public static class Open311ServiceCollectionExtensions
{
    /// <summary>The rate-limit policy every GeoReport route carries.</summary>
    public const string RateLimitPolicy = "open311";

    /// <summary>
    /// The client app keys and a fixed-window limit of <c>Open311:PermitsPerMinute</c> (default 120) requests per
    /// client app; callers without a known key share one window per IP address, so bad keys cannot spend an app's quota.
    /// </summary>
    public static IServiceCollection AddOpen311(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = new ApiClientKeys(configuration);
        var permits = configuration.GetValue("Open311:PermitsPerMinute", 120);
        services.AddSingleton(keys);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await Open311Writer.Errors(Open311Writer.FormatOf(http.Request.Path), StatusCodes.Status429TooManyRequests,
                    $"more than {permits} requests a minute for this client; retry later").ExecuteAsync(http);
            };
            limiter.AddPolicy(RateLimitPolicy, http =>
                RateLimitPartition.GetFixedWindowLimiter(PartitionOf(http, keys), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return services;
    }

    private static string PartitionOf(HttpContext http, ApiClientKeys keys)
    {
        // The form was read before the limiter ran (see Open311Endpoints), so reading it here does not block.
        var key = http.Request.HasFormContentType && http.Request.Form.TryGetValue("api_key", out var posted)
            ? posted.ToString()
            : http.Request.Query["api_key"].ToString();
        return keys.Identify(key) is { } client
            ? "client:" + client
            : "ip:" + http.Connection.RemoteIpAddress;
    }
}
