using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace CityOps.Flow.Storage;

/// <summary>
/// Connections to one SQLite file: WAL journal (readers never wait for the writer), foreign keys enforced and a busy
/// timeout so concurrent writers queue instead of failing at once. The WAL is checkpointed every 10,000 pages rather
/// than SQLite's 1,000: an engine commit dirties a dozen pages across several indexes, and a longer WAL writes each hot
/// page back to the file once per checkpoint instead of ten times.
/// </summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory, IDisposable
{
    /// <summary>How long a writer waits for another writer's lock before SQLite reports the database busy, unless configured.</summary>
    public const int BusyTimeoutMilliseconds = 5000;

    private static readonly Lazy<bool> NativeLibrary = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private static readonly object Marker = new();

    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> configured = new();
    private readonly string connectionString;
    private readonly string connectionPragmas;
    private int journalModeSet;

    public SqliteConnectionFactory(string connectionString, SqliteDurability durability = SqliteDurability.Normal, TimeSpan? busyTimeout = null)
    {
        _ = NativeLibrary.Value;
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new StorageConfigurationException("The SQLite connection string names no Data Source.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        this.connectionString = builder.ToString();
        DatabasePath = Path.GetFullPath(builder.DataSource);
        Durability = durability;
        BusyTimeout = busyTimeout ?? TimeSpan.FromMilliseconds(BusyTimeoutMilliseconds);
        if (BusyTimeout < TimeSpan.Zero)
        {
            throw new StorageConfigurationException($"The SQLite busy timeout {BusyTimeout} is negative.");
        }

        var synchronous = durability == SqliteDurability.Full ? "FULL" : "NORMAL";
        connectionPragmas = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(long)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {synchronous}; PRAGMA wal_autocheckpoint = 10000;";
    }

    /// <summary>The file path for a data folder: <c>&lt;dataDirectory&gt;/cityops.db</c>.</summary>
    public static SqliteConnectionFactory ForDataDirectory(
        string dataDirectory, SqliteDurability durability = SqliteDurability.Normal, TimeSpan? busyTimeout = null) =>
        new(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "cityops.db") }.ToString(), durability, busyTimeout);

    public SqlDialect Dialect => SqlDialect.Sqlite;

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath { get; }

    public SqliteDurability Durability { get; }

    /// <summary>How long a writer waits for the write lock before the database is reported busy.</summary>
    public TimeSpan BusyTimeout { get; }

    /// <summary>Closes the pooled connections, so the file can be moved or deleted once the host has stopped.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    public async ValueTask<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (NeedsPragmas(connection))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = PragmasForThisOpen();
                await command.ExecuteNonQueryAsync(ct);
                configured.AddOrUpdate(connection.Handle!, Marker);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public DbConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            if (NeedsPragmas(connection))
            {
                using var command = connection.CreateCommand();
                command.CommandText = PragmasForThisOpen();
                command.ExecuteNonQuery();
                configured.AddOrUpdate(connection.Handle!, Marker);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The pool hands the same native connection out again, and the pragmas hold per native connection: they run once
    /// on each, not on every open (an engine command opens a connection three or four times).
    /// </summary>
    private bool NeedsPragmas(SqliteConnection connection) => !configured.TryGetValue(connection.Handle!, out _);

    // journal_mode is stored in the file, so it is set once; the other pragmas hold per connection.
    private string PragmasForThisOpen() =>
        Interlocked.Exchange(ref journalModeSet, 1) == 0 ? "PRAGMA journal_mode = WAL; " + connectionPragmas : connectionPragmas;
}
