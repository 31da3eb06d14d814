using CityOps.Flow.Engine.Dmn;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CityOps.Flow.Benchmarks.Durable;

/// <summary>A fresh, migrated database for one benchmark run: a SQLite file in a temp folder or a new PostgreSQL database.</summary>
public sealed class BenchDatabase : IDisposable
{
    private readonly string? sqliteFolder;
    private readonly (string Server, string Name)? postgres;

    private BenchDatabase(IDbConnectionFactory connections, string? sqliteFolder, (string, string)? postgres)
    {
        Connections = connections;
        this.sqliteFolder = sqliteFolder;
        this.postgres = postgres;
        new MigrationRunner(connections, NullLogger<MigrationRunner>.Instance).ApplyAsync().GetAwaiter().GetResult();
    }

    public IDbConnectionFactory Connections { get; }

    /// <summary>The PostgreSQL server to benchmark on: <c>CITYOPS_BENCH_POSTGRES</c>, else <c>CITYOPS_TEST_POSTGRES</c>, else none.</summary>
    public static string? PostgresServer =>
        new[] { "CITYOPS_BENCH_POSTGRES", "CITYOPS_TEST_POSTGRES" }.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    public static BenchDatabase Sqlite()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cityops-bench", Guid.NewGuid().ToString("N"))).FullName;
        return new BenchDatabase(SqliteConnectionFactory.ForDataDirectory(folder), folder, null);
    }

    public static BenchDatabase Postgres(string server)
    {
        var name = "cityops_bench_" + Guid.NewGuid().ToString("N")[..12];
        Execute(server, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new BenchDatabase(new PostgresConnectionFactory(connectionString), null, (server, name));
    }

    /// <summary>The product's engine over this database's workflow store.</summary>
    public WorkflowEngine NewEngine(TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var feel = new FeelEngine(clock);
        return new WorkflowEngine(new SqlWorkflowStore(Connections), clock, feel, new DmnEvaluator(feel), new ServiceTaskHandlers());
    }

    public void Dispose()
    {
        (Connections as IDisposable)?.Dispose();
        if (sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(sqliteFolder, recursive: true);
        }

        if (postgres is { } pg)
        {
            NpgsqlConnection.ClearAllPools();
            Execute(pg.Server, $"DROP DATABASE IF EXISTS {pg.Name} WITH (FORCE)");
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
