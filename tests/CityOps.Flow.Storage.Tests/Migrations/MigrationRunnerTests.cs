using System.Data.Common;
using CityOps.Flow.Storage.Tests.Databases;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityOps.Flow.Storage.Tests.Migrations;

public sealed class MigrationRunnerTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static MigrationRunner RunnerWith(IDbConnectionFactory database, IEnumerable<MigrationScript> scripts) =>
        new(database, NullLogger<MigrationRunner>.Instance, scripts.ToList());

    private static async Task<List<(int Id, string Name, string Checksum)>> HistoryAsync(IDbConnectionFactory database)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(int, string, string)>("SELECT id, name, checksum FROM schema_migrations ORDER BY id");
        return rows.ToList();
    }

    private static async Task<bool> TableExistsAsync(IDbConnectionFactory database, string table)
    {
        await using var connection = await database.OpenAsync();
        var sql = database.Dialect == SqlDialect.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @table";
        return await connection.ExecuteScalarAsync<int>(sql, new { table }) == 1;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrations_apply_on_an_empty_database_and_record_each_script_with_its_sha256(SqlDialect dialect)
    {
        var database = await databases.EmptyAsync(dialect);
        var scripts = MigrationScript.Embedded(dialect);

        var report = await TestDatabases.Runner(database).ApplyAsync();

        Assert.Equal(scripts.Select(s => s.Name), report.Applied);
        Assert.Empty(report.AlreadyApplied);
        Assert.Equal(scripts.Select(s => (s.Version, s.Name, s.Checksum)), await HistoryAsync(database));
        Assert.All(await HistoryAsync(database), row => Assert.Matches("^[0-9a-f]{64}$", row.Checksum));
        foreach (var table in new[] { "users", "roles", "user_roles", "areas", "departments" })
        {
            Assert.True(await TableExistsAsync(database, table), $"table {table} exists");
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_second_start_applies_nothing(SqlDialect dialect)
    {
        var database = await databases.EmptyAsync(dialect);
        await TestDatabases.Runner(database).ApplyAsync();
        var history = await HistoryAsync(database);

        var report = await TestDatabases.Runner(database).ApplyAsync();

        Assert.Empty(report.Applied);
        Assert.Equal(MigrationScript.Embedded(dialect).Select(s => s.Name), report.AlreadyApplied);
        Assert.Equal(history, await HistoryAsync(database));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_edited_script_stops_start_up_naming_it(SqlDialect dialect)
    {
        var database = await databases.EmptyAsync(dialect);
        await TestDatabases.Runner(database).ApplyAsync();
        var original = MigrationScript.Embedded(dialect);
        var edited = original.Select((s, i) => i == 0 ? MigrationScript.Create(s.Name, s.Sql + "\nCREATE INDEX ix_users_display_name ON users (display_name);\n") : s);

        var error = await Assert.ThrowsAsync<MigrationChecksumException>(() => RunnerWith(database, edited).ApplyAsync());

        Assert.Equal(original[0].Name, error.ScriptName);
        Assert.Contains($"'{original[0].Name}'", error.Message);
        Assert.Contains(original[0].Checksum, error.Message);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_script_only_a_newer_version_knows_stops_start_up_naming_it(SqlDialect dialect)
    {
        var database = await databases.EmptyAsync(dialect);
        var newer = MigrationScript.Embedded(dialect).Append(MigrationScript.Create("9001_case_notes.sql", "CREATE TABLE case_notes (id text PRIMARY KEY);"));
        await RunnerWith(database, newer).ApplyAsync();

        var error = await Assert.ThrowsAsync<MissingMigrationException>(() => TestDatabases.Runner(database).ApplyAsync());

        Assert.Equal("9001_case_notes.sql", error.ScriptName);
        Assert.Contains("'9001_case_notes.sql'", error.Message);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_failing_script_leaves_no_trace_and_later_scripts_wait(SqlDialect dialect)
    {
        var database = await databases.EmptyAsync(dialect);
        var scripts = MigrationScript.Embedded(dialect)
            .Append(MigrationScript.Create("9001_case_notes.sql", "CREATE TABLE case_notes (id text PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);"))
            .Append(MigrationScript.Create("9002_case_tags.sql", "CREATE TABLE case_tags (id text PRIMARY KEY);"));

        await Assert.ThrowsAnyAsync<DbException>(() => RunnerWith(database, scripts).ApplyAsync());

        Assert.False(await TableExistsAsync(database, "case_notes"));
        Assert.False(await TableExistsAsync(database, "case_tags"));
        Assert.Equal(MigrationScript.Embedded(dialect).Select(s => s.Name), (await HistoryAsync(database)).Select(r => r.Name));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_nodes_starting_together_apply_each_script_once(SqlDialect dialect)
    {
        var database = await databases.EmptyAsync(dialect);
        var otherNode = databases.SecondNode(database);

        var reports = await Task.WhenAll(
            Task.Run(() => TestDatabases.Runner(database).ApplyAsync()),
            Task.Run(() => TestDatabases.Runner(otherNode).ApplyAsync()));

        var names = MigrationScript.Embedded(dialect).Select(s => s.Name).ToList();
        Assert.Equal(names.Order(), reports.SelectMany(r => r.Applied).Order());
        Assert.All(reports, r => Assert.Equal(names.Order(), r.Applied.Concat(r.AlreadyApplied).Order()));
        Assert.Equal(names, (await HistoryAsync(database)).Select(r => r.Name));
    }

    [Fact]
    public void Both_dialects_carry_the_same_scripts_in_the_same_order()
    {
        var sqlite = MigrationScript.Embedded(SqlDialect.Sqlite).Select(s => s.Name).ToList();
        var postgres = MigrationScript.Embedded(SqlDialect.Postgres).Select(s => s.Name).ToList();

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, postgres);
    }

    [Fact]
    public void Checksum_ignores_windows_line_endings_but_not_content()
    {
        const string Script = "CREATE TABLE a (id text);\nCREATE TABLE b (id text);\n";

        Assert.Equal(MigrationScript.ChecksumOf(Script), MigrationScript.ChecksumOf(Script.Replace("\n", "\r\n")));
        Assert.NotEqual(MigrationScript.ChecksumOf(Script), MigrationScript.ChecksumOf(Script.Replace("b", "c")));
    }

    [Fact]
    public void Scripts_are_refused_without_a_version_or_with_a_version_taken_twice()
    {
        Assert.Throws<InvalidOperationException>(() => MigrationScript.Create("users.sql", "SELECT 1;"));

        var error = Assert.Throws<InvalidOperationException>(() => MigrationScript.Ordered(
        [
            MigrationScript.Create("0002_cases.sql", "SELECT 1;"),
            MigrationScript.Create("0002_tasks.sql", "SELECT 2;"),
        ]));
        Assert.Contains("0002_cases.sql", error.Message);
        Assert.Contains("0002_tasks.sql", error.Message);
    }
}
