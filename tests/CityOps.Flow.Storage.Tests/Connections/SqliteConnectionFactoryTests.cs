using CityOps.Flow.Storage.Tests.Databases;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CityOps.Flow.Storage.Tests.Connections;

public sealed class SqliteConnectionFactoryTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private const int SqliteSynchronousNormal = 1;

    [Fact]
    public async Task Every_connection_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout()
    {
        var database = await databases.MigratedAsync(SqlDialect.Sqlite);

        for (var i = 0; i < 3; i++)
        {
            await using var connection = await database.OpenAsync();
            Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
            Assert.Equal(SqliteConnectionFactory.BusyTimeoutMilliseconds, await connection.ExecuteScalarAsync<int>("PRAGMA busy_timeout"));
            Assert.Equal(SqliteSynchronousNormal, await connection.ExecuteScalarAsync<int>("PRAGMA synchronous"));
        }

        Assert.True(SqliteConnectionFactory.BusyTimeoutMilliseconds > 0);
    }

    [Fact]
    public async Task The_data_folder_and_file_are_created_on_first_start()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cityops-data-" + Guid.NewGuid().ToString("N"), "nested", "data");
        try
        {
            var factory = SqliteConnectionFactory.ForDataDirectory(dataDirectory);

            var report = await TestDatabases.Runner(factory).ApplyAsync();

            Assert.Equal(Path.Combine(dataDirectory, "cityops.db"), factory.DatabasePath);
            Assert.True(File.Exists(factory.DatabasePath));
            Assert.NotEmpty(report.Applied);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(dataDirectory))!, recursive: true);
        }
    }

    [Fact]
    public async Task A_reader_sees_the_last_commit_while_a_writer_holds_its_transaction_open()
    {
        var database = await databases.MigratedAsync(SqlDialect.Sqlite);
        var orgs = new OrgRepository(database);
        await orgs.UpsertAreaAsync(new AreaRecord("310101", null, "黄浦区", "Huangpu District", AreaLevel.District, null, null, null));

        await using var writer = await database.OpenAsync();
        await using var transaction = await writer.BeginTransactionAsync();
        await writer.ExecuteAsync("UPDATE areas SET name_en = 'Huangpu' WHERE id = '310101'", transaction: transaction);

        var areas = await orgs.ListAreasAsync();

        Assert.Equal("Huangpu District", Assert.Single(areas, a => a.Id == "310101").NameEn);
    }
}
