using System.Data.Common;
using Npgsql;

namespace CityOps.Flow.Storage;

/// <summary>Pooled connections to a PostgreSQL database shared by every app node.</summary>
public sealed class PostgresConnectionFactory : IDbConnectionFactory, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource dataSource;

    public PostgresConnectionFactory(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new StorageConfigurationException("The PostgreSQL connection string names no Host.");
        }

        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "CityOps.Flow";
        }

        // The engine runs the same few statements for every command; prepared once per pooled connection, the server
        // stops parsing and planning them each time.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 100;
        }

        ConnectionString = builder.ToString();
        dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>The connection string in use; it may carry a password, so it is not public.</summary>
    internal string ConnectionString { get; }

    public SqlDialect Dialect => SqlDialect.Postgres;

    public async ValueTask<DbConnection> OpenAsync(CancellationToken ct = default) =>
        await dataSource.OpenConnectionAsync(ct);

    public DbConnection Open() => dataSource.OpenConnection();

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public void Dispose() => dataSource.Dispose();
}
