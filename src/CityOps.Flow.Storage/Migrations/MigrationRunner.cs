using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CityOps.Flow.Storage;

/// <summary>
/// Brings the schema up to date at start-up: applies the dialect's embedded scripts in order, one transaction each,
/// and records every script with its SHA-256 so an edited or unknown script stops the app instead of drifting.
/// </summary>
public sealed class MigrationRunner
{
    /// <summary>The PostgreSQL advisory lock key ("CityOps" in ASCII) that serialises migration across app nodes.</summary>
    internal const long PostgresLockKey = 0x0043_6974_794F_7073;

    private readonly IDbConnectionFactory connections;
    private readonly ILogger<MigrationRunner> logger;
    private readonly IReadOnlyList<MigrationScript> scripts;

    public MigrationRunner(IDbConnectionFactory connections, ILogger<MigrationRunner> logger)
        : this(connections, logger, MigrationScript.Embedded(connections.Dialect))
    {
    }

    internal MigrationRunner(IDbConnectionFactory connections, ILogger<MigrationRunner> logger, IReadOnlyList<MigrationScript> scripts)
    {
        this.connections = connections;
        this.logger = logger;
        this.scripts = MigrationScript.Ordered(scripts);
    }

    /// <summary>The names of the scripts this build carries, in the order they apply.</summary>
    public IReadOnlyList<string> ScriptNames => scripts.Select(s => s.Name).ToList();

    public async Task<MigrationReport> ApplyAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        if (connections.Dialect == SqlDialect.Postgres)
        {
            // Held for the whole run (not per script) so two nodes starting together never both see a script as new.
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = PostgresLockKey }, cancellationToken: ct));
        }

        try
        {
            return await ApplyPendingAsync(connection, ct);
        }
        finally
        {
            if (connections.Dialect == SqlDialect.Postgres)
            {
                await ReleasePostgresLockAsync(connection);
            }
        }
    }

    private async Task ReleasePostgresLockAsync(DbConnection connection)
    {
        try
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = PostgresLockKey });
        }
        catch (DbException e)
        {
            // A broken connection ends its session, and the server releases the lock with it; the original error matters more.
            logger.LogWarning(e, "Releasing the migration lock failed; the server releases it when the connection closes");
        }
    }

    private async Task<MigrationReport> ApplyPendingAsync(DbConnection connection, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(HistoryTableDdl(connections.Dialect), cancellationToken: ct));
        var recorded = await ReadHistoryAsync(connection, null, ct);
        Verify(recorded);

        var applied = new List<string>();
        var alreadyApplied = new List<string>();
        foreach (var script in scripts)
        {
            if (recorded.ContainsKey(script.Name))
            {
                alreadyApplied.Add(script.Name);
                continue;
            }

            await using var transaction = await BeginExclusiveAsync(connection, ct);

            // SQLite has no lock held between the history read and here; another process may have applied it meanwhile.
            var current = await ReadHistoryAsync(connection, transaction, ct);
            if (current.ContainsKey(script.Name))
            {
                Verify(current);
                alreadyApplied.Add(script.Name);
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (id, name, checksum) VALUES (@Version, @Name, @Checksum)",
                new { script.Version, script.Name, script.Checksum },
                transaction,
                cancellationToken: ct));
            await transaction.CommitAsync(ct);
            applied.Add(script.Name);
            logger.LogInformation("Applied migration {Script} ({Dialect})", script.Name, connections.Dialect);
        }

        return new MigrationReport(applied, alreadyApplied);
    }

    private void Verify(IReadOnlyDictionary<string, string> recorded)
    {
        var byName = scripts.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var (name, checksum) in recorded.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (!byName.TryGetValue(name, out var script))
            {
                throw new MissingMigrationException(name);
            }

            if (!string.Equals(script.Checksum, checksum, StringComparison.OrdinalIgnoreCase))
            {
                throw new MigrationChecksumException(name, checksum, script.Checksum);
            }
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadHistoryAsync(
        DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(string Name, string Checksum)>(new CommandDefinition(
            "SELECT name, checksum FROM schema_migrations", transaction: transaction, cancellationToken: ct));
        return rows.ToDictionary(r => r.Name, r => r.Checksum, StringComparer.Ordinal);
    }

    private static async ValueTask<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken ct) =>
        connection switch
        {
            // BEGIN IMMEDIATE takes the write lock up front, so a second process waits rather than applying the same script.
            SqliteConnection sqlite => sqlite.BeginTransaction(deferred: false),
            _ => await connection.BeginTransactionAsync(ct),
        };

    private static string HistoryTableDdl(SqlDialect dialect) => dialect switch
    {
        SqlDialect.Sqlite => """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                id         INTEGER PRIMARY KEY,
                name       TEXT NOT NULL UNIQUE,
                checksum   TEXT NOT NULL,
                applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            )
            """,
        SqlDialect.Postgres => """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                id         integer PRIMARY KEY,
                name       text NOT NULL UNIQUE,
                checksum   text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, null),
    };
}
