namespace CityOps.Flow.Storage;

/// <summary>
/// Where the data lives: <c>Storage:Provider</c> (sqlite | postgres), <c>ConnectionStrings:CityOps</c>,
/// <c>Storage:DataDirectory</c> (SQLite only, relative to the content root), <c>Storage:SqliteDurability</c> (Normal | Full),
/// <c>Storage:SqliteBusyTimeout</c> (how long a writer waits for the write lock, default 5 s).
/// </summary>
public sealed class StorageOptions
{
    public const string SqliteProvider = "sqlite";
    public const string PostgresProvider = "postgres";

    public string Provider { get; set; } = SqliteProvider;

    public string? ConnectionString { get; set; }

    public string DataDirectory { get; set; } = "data";

    /// <summary>SQLite only: whether each commit waits for the disk (<see cref="SqliteDurability.Full"/>) or not.</summary>
    public SqliteDurability SqliteDurability { get; set; } = SqliteDurability.Normal;

    /// <summary>SQLite only: how long a writer waits for another writer before the request is answered "busy, retry".</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromMilliseconds(SqliteConnectionFactory.BusyTimeoutMilliseconds);

    /// <summary>The dialect named by <see cref="Provider"/>; throws <see cref="StorageConfigurationException"/> saying why otherwise.</summary>
    public SqlDialect ResolveDialect()
    {
        var provider = Provider.Trim().ToLowerInvariant();
        if (provider == SqliteProvider)
        {
            return SqlDialect.Sqlite;
        }

        if (provider == PostgresProvider)
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
            {
                throw new StorageConfigurationException(
                    "Storage:Provider is 'postgres' but ConnectionStrings:CityOps is empty; "
                    + "set it to an Npgsql connection string such as 'Host=db;Database=cityops;Username=cityops;Password=...'.");
            }

            return SqlDialect.Postgres;
        }

        throw new StorageConfigurationException(
            $"Storage:Provider '{Provider}' is not known; use '{SqliteProvider}' (embedded, the default) or '{PostgresProvider}'.");
    }
}
