using System.Data.Common;

namespace CityOps.Flow.Storage;

/// <summary>Opens connections to the configured database, already set up for the dialect.</summary>
public interface IDbConnectionFactory
{
    SqlDialect Dialect { get; }

    ValueTask<DbConnection> OpenAsync(CancellationToken ct = default);

    /// <summary>Opens a connection synchronously, for the engine's synchronous store contract.</summary>
    DbConnection Open();
}
