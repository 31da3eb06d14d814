using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CityOps.Flow.Storage;

/// <summary>Whether the database answers, for the readiness probe.</summary>
public sealed class DatabaseHealth(IDbConnectionFactory connections, ILogger<DatabaseHealth> logger)
{
    /// <summary>True when a connection opens and answers a query within the caller's deadline.</summary>
    public async Task<bool> CanConnectAsync(CancellationToken ct = default)
    {
        try
        {
            await using var connection = await connections.OpenAsync(ct);
            return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: ct)) == 1;
        }
        catch (Exception e) when (e is DbException or TimeoutException or IOException or InvalidOperationException)
        {
            logger.LogWarning(e, "The {Dialect} database cannot be reached", connections.Dialect);
            return false;
        }
    }
}
