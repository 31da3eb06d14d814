using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit.Abstractions;

namespace CityOps.Flow.Storage.Tests.Databases;

/// <summary>
/// The databases one test class uses: a migrated one per dialect shared by its tests, and empty ones on request.
/// SQLite files live in a temp folder; PostgreSQL databases are created on the CITYOPS_TEST_POSTGRES server under a
/// random name, so test runs in parallel never meet. Everything is deleted or dropped when the class finishes.
/// </summary>
public sealed class TestDatabases(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "cityops-storage-tests-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> postgresDatabases = [];
    private readonly List<IDbConnectionFactory> factories = [];
    private readonly Dictionary<SqlDialect, Task<IDbConnectionFactory>> migrated = [];
    private readonly Lock gate = new();

    /// <summary>The class's shared database of this dialect, with every migration applied.</summary>
    public Task<IDbConnectionFactory> MigratedAsync(SqlDialect dialect)
    {
        lock (gate)
        {
            if (!migrated.TryGetValue(dialect, out var database))
            {
                database = CreateMigratedAsync(dialect);
                migrated[dialect] = database;
            }

            return database;
        }
    }

    /// <summary>A new empty database of this dialect.</summary>
    public async Task<IDbConnectionFactory> EmptyAsync(SqlDialect dialect)
    {
        IDbConnectionFactory factory = dialect switch
        {
            SqlDialect.Sqlite => CreateSqlite(),
            _ => await CreatePostgresAsync(),
        };
        lock (gate)
        {
            factories.Add(factory);
        }

        return factory;
    }

    /// <summary>A second factory on the same database, as a second app node would have.</summary>
    public IDbConnectionFactory SecondNode(IDbConnectionFactory database)
    {
        IDbConnectionFactory factory = database switch
        {
            SqliteConnectionFactory sqlite => new SqliteConnectionFactory($"Data Source={sqlite.DatabasePath}"),
            PostgresConnectionFactory postgres => new PostgresConnectionFactory(postgres.ConnectionString),
            _ => throw new ArgumentException("Unknown factory", nameof(database)),
        };
        lock (gate)
        {
            factories.Add(factory);
        }

        return factory;
    }

    public static MigrationRunner Runner(IDbConnectionFactory database) =>
        new(database, NullLogger<MigrationRunner>.Instance);

    public Task InitializeAsync()
    {
        PostgresServer.AnnounceIfMissing(diagnostics);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var factory in factories)
        {
            if (factory is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        if (postgresDatabases.Count > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
            await admin.OpenAsync();
            foreach (var name in postgresDatabases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    private async Task<IDbConnectionFactory> CreateMigratedAsync(SqlDialect dialect)
    {
        var factory = await EmptyAsync(dialect);
        await Runner(factory).ApplyAsync();
        return factory;
    }

    private SqliteConnectionFactory CreateSqlite()
    {
        Directory.CreateDirectory(folder);
        return new SqliteConnectionFactory($"Data Source={Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db")}");
    }

    private async Task<PostgresConnectionFactory> CreatePostgresAsync()
    {
        var server = PostgresServer.AdminConnectionString
            ?? throw new InvalidOperationException(PostgresServer.NotConfigured);
        var name = "cityops_test_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        lock (gate)
        {
            postgresDatabases.Add(name);
        }

        return new PostgresConnectionFactory(new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
    }
}
