using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Storage.Tests.Configuration;

public sealed class StorageRegistrationTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void An_unknown_provider_stops_start_up_naming_it_and_the_known_ones()
    {
        var error = Assert.Throws<StorageConfigurationException>(() =>
            new ServiceCollection().AddCityOpsStorage(Settings(("Storage:Provider", "mysql")), "/srv/cityops"));

        Assert.Contains("'mysql'", error.Message);
        Assert.Contains("sqlite", error.Message);
        Assert.Contains("postgres", error.Message);
    }

    [Fact]
    public void Postgres_without_a_connection_string_stops_start_up()
    {
        var error = Assert.Throws<StorageConfigurationException>(() =>
            new ServiceCollection().AddCityOpsStorage(Settings(("Storage:Provider", "postgres")), "/srv/cityops"));

        Assert.Contains("ConnectionStrings:CityOps", error.Message);
    }

    [Fact]
    public async Task By_default_the_data_lives_in_a_sqlite_file_under_the_content_root()
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "cityops-root-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var services = new ServiceCollection().AddLogging()
                .AddCityOpsStorage(Settings(), contentRoot)
                .BuildServiceProvider();

            var report = await services.GetRequiredService<MigrationRunner>().ApplyAsync();
            var factory = Assert.IsType<SqliteConnectionFactory>(services.GetRequiredService<IDbConnectionFactory>());

            Assert.Equal(Path.Combine(contentRoot, "data", "cityops.db"), factory.DatabasePath);
            Assert.True(File.Exists(factory.DatabasePath));
            Assert.NotEmpty(report.Applied);
            Assert.True(await services.GetRequiredService<DatabaseHealth>().CanConnectAsync());
            Assert.Equal(0, await services.GetRequiredService<UserRepository>().CountAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task Full_durability_makes_every_sqlite_commit_wait_for_the_disk()
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "cityops-root-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var services = new ServiceCollection().AddLogging()
                .AddCityOpsStorage(Settings(("Storage:SqliteDurability", "Full"), ("Storage:DataDirectory", "state")), contentRoot)
                .BuildServiceProvider();
            var factory = Assert.IsType<SqliteConnectionFactory>(services.GetRequiredService<IDbConnectionFactory>());

            await using var connection = await factory.OpenAsync();

            Assert.Equal(SqliteDurability.Full, factory.Durability);
            Assert.Equal(Path.Combine(contentRoot, "state", "cityops.db"), factory.DatabasePath);
            Assert.Equal(2, await connection.ExecuteScalarAsync<int>("PRAGMA synchronous"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task Stopping_the_host_closes_the_pooled_connections_and_checkpoints_the_wal()
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "cityops-root-" + Guid.NewGuid().ToString("N"));
        var file = Path.Combine(contentRoot, "data", "cityops.db");
        try
        {
            await using (var services = new ServiceCollection().AddLogging().AddCityOpsStorage(Settings(), contentRoot).BuildServiceProvider())
            {
                await services.GetRequiredService<MigrationRunner>().ApplyAsync();
                await services.GetRequiredService<RoleRepository>().CreateAsync(new RoleRecord("r1", "Dispatcher", "DISPATCHER"));
                Assert.True(File.Exists(file + "-wal"), "the open pool keeps a write-ahead log");
            }

            // SQLite folds the log into the file and removes it when the last connection closes.
            Assert.False(File.Exists(file + "-wal"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_provider_is_chosen_from_configuration_and_reports_an_unreachable_server_as_unhealthy()
    {
        await using var services = new ServiceCollection().AddLogging()
            .AddCityOpsStorage(
                Settings(
                    ("Storage:Provider", "Postgres"),
                    ("ConnectionStrings:CityOps", "Host=127.0.0.1;Port=1;Database=cityops;Username=cityops;Timeout=2")),
                "/srv/cityops")
            .BuildServiceProvider();

        var factory = services.GetRequiredService<IDbConnectionFactory>();

        Assert.IsType<PostgresConnectionFactory>(factory);
        Assert.Equal(SqlDialect.Postgres, factory.Dialect);
        Assert.False(await services.GetRequiredService<DatabaseHealth>().CanConnectAsync());
    }
}
