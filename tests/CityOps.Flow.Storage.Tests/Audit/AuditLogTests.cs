using System.Data.Common;
using CityOps.Flow.Cases.Audit;
using CityOps.Flow.Engine.Scheduling;
using CityOps.Flow.Storage.Tests.Databases;
using Dapper;

namespace CityOps.Flow.Storage.Tests.Audit;

public sealed class AuditLogTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 21, 8, 30, 0, TimeSpan.FromHours(8));

    private async Task<(SqlAuditLog Log, IDbConnectionFactory Database)> EmptyLogAsync(SqlDialect dialect)
    {
        var database = await databases.EmptyAsync(dialect);
        await TestDatabases.Runner(database).ApplyAsync();
        return (new SqlAuditLog(database, new AdjustableClock(Morning.AddTicks(1234567))), database);
    }

    private static AuditEvent Dispatch(int number) => new()
    {
        ActorUserId = "u-dispatcher-01",
        ActorRoles = ["dispatcher", "operator"],
        Action = "case.dispatched",
        SubjectType = "case",
        SubjectId = $"PJ-20261121-{number:000000}",
        DetailsJson = $$"""{"department":"D-310115-CG","note":"井盖缺失 {{number}}"}""",
    };

    private static async Task AppendAsync(SqlAuditLog log, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await log.AppendAsync(Dispatch(i));
        }
    }

    /// <summary>Lifts the append-only guard, as someone with the database owner's rights could, to tamper with the rows.</summary>
    private static async Task TamperAsync(IDbConnectionFactory database, string sql)
    {
        await using var connection = await database.OpenAsync();
        var unguard = database.Dialect == SqlDialect.Postgres
            ? "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"
            : "DROP TRIGGER audit_log_refuse_update; DROP TRIGGER audit_log_refuse_delete";
        await connection.ExecuteAsync(unguard);
        await connection.ExecuteAsync(sql);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Appended_entries_form_one_chain_that_verifies(SqlDialect dialect)
    {
        var (log, _) = await EmptyLogAsync(dialect);
        var first = await log.AppendAsync(Dispatch(1));
        var second = await log.AppendAsync(Dispatch(2));

        Assert.Equal(1, first.Sequence);
        Assert.Equal(AuditChain.GenesisHash, first.PreviousHash);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(["dispatcher", "operator"], second.ActorRoles);

        var verification = await log.VerifyAsync();
        Assert.True(verification.Intact, verification.Break?.Reason);
        Assert.Equal(2, verification.EntriesChecked);
        Assert.Equal(new AuditChainHead(2, second.Hash), await log.ReadHeadAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Entries_read_back_exactly_as_sealed_time_roles_and_details_included(SqlDialect dialect)
    {
        var (log, _) = await EmptyLogAsync(dialect);
        var sealedEntry = await log.AppendAsync(Dispatch(7) with { ActorRoles = ["supervisor", "auditor"] });

        var read = Assert.Single(await log.ForSubjectAsync("case", "PJ-20261121-000007"));

        Assert.Equal(sealedEntry.At, read.At);
        Assert.Equal(Morning.AddTicks(1234560), read.At);
        Assert.Equal(["auditor", "supervisor"], read.ActorRoles);
        Assert.Equal(sealedEntry.DetailsJson, read.DetailsJson);
        Assert.Equal(sealedEntry.Hash, AuditChain.HashOf(read));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Editing_an_entrys_details_in_the_database_is_reported_at_that_sequence(SqlDialect dialect)
    {
        var (log, database) = await EmptyLogAsync(dialect);
        await AppendAsync(log, 5);

        await TamperAsync(database, """UPDATE audit_log SET details = '{"department":"D-310115004-BSC"}' WHERE sequence = 3""");

        var broken = (await log.VerifyAsync()).Break;
        Assert.NotNull(broken);
        Assert.Equal(3, broken.Sequence);
        Assert.Equal(AuditBreakKind.ContentChanged, broken.Kind);
        Assert.Contains("entry 3 was edited", broken.Reason, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Deleting_a_middle_entry_is_reported_as_missing_at_its_sequence(SqlDialect dialect)
    {
        var (log, database) = await EmptyLogAsync(dialect);
        await AppendAsync(log, 5);

        await TamperAsync(database, "DELETE FROM audit_log WHERE sequence = 3");

        var verification = await log.VerifyAsync();
        Assert.Equal(new AuditBreak(3, AuditBreakKind.EntryMissing, "entry 3 is missing: the chain jumps from 2 to 4"), verification.Break);
        Assert.Equal(2, verification.EntriesChecked);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Swapping_two_entries_is_reported_as_a_changed_order(SqlDialect dialect)
    {
        var (log, database) = await EmptyLogAsync(dialect);
        await AppendAsync(log, 5);

        await TamperAsync(database, """
            UPDATE audit_log SET sequence = -1 WHERE sequence = 2;
            UPDATE audit_log SET sequence = 2 WHERE sequence = 3;
            UPDATE audit_log SET sequence = 3 WHERE sequence = -1;
            """);

        var broken = (await log.VerifyAsync()).Break;
        Assert.NotNull(broken);
        Assert.Equal(2, broken.Sequence);
        Assert.Equal(AuditBreakKind.OrderChanged, broken.Kind);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Cutting_off_the_latest_entries_is_reported_against_the_recorded_head(SqlDialect dialect)
    {
        var (log, database) = await EmptyLogAsync(dialect);
        await AppendAsync(log, 5);

        await TamperAsync(database, "DELETE FROM audit_log WHERE sequence >= 4");

        var broken = (await log.VerifyAsync()).Break;
        Assert.NotNull(broken);
        Assert.Equal(4, broken.Sequence);
        Assert.Equal(AuditBreakKind.EntryMissing, broken.Kind);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Rewriting_the_last_entry_with_a_fresh_hash_is_caught_by_the_recorded_head(SqlDialect dialect)
    {
        var (log, database) = await EmptyLogAsync(dialect);
        await AppendAsync(log, 5);
        var last = (await log.ReadAsync(4, 1)).Single();
        var forged = last with { DetailsJson = """{"department":"D-310115004-BSC"}""" };
        forged = forged with { Hash = AuditChain.HashOf(forged) };

        await TamperAsync(database, $"UPDATE audit_log SET details = '{forged.DetailsJson}', hash = '{forged.Hash}' WHERE sequence = 5");

        var broken = (await log.VerifyAsync()).Break;
        Assert.Equal(5, broken?.Sequence);
        Assert.Equal(AuditBreakKind.ContentChanged, broken?.Kind);
        Assert.Contains("recorded head", broken?.Reason, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_database_refuses_to_update_or_delete_entries(SqlDialect dialect)
    {
        var (log, database) = await EmptyLogAsync(dialect);
        await AppendAsync(log, 2);
        await using var connection = await database.OpenAsync();

        var update = await Assert.ThrowsAnyAsync<DbException>(() =>
            connection.ExecuteAsync("UPDATE audit_log SET actor_user_id = 'someone-else' WHERE sequence = 1"));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync("DELETE FROM audit_log"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.True((await log.VerifyAsync()).Intact);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Verification_walks_the_chain_in_pages_and_finds_a_break_in_a_later_page(SqlDialect dialect)
    {
        var (log, database) = await EmptyLogAsync(dialect);
        await AppendAsync(log, 10);

        var intact = await log.VerifyAsync(pageSize: 3);
        Assert.True(intact.Intact);
        Assert.Equal(10, intact.EntriesChecked);

        await TamperAsync(database, "UPDATE audit_log SET actor_user_id = 'u-handler-07' WHERE sequence = 8");
        var broken = (await log.VerifyAsync(pageSize: 3)).Break;
        Assert.Equal(8, broken?.Sequence);
        Assert.Equal(AuditBreakKind.ContentChanged, broken?.Kind);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Concurrent_appends_from_two_nodes_extend_one_chain_without_forking(SqlDialect dialect)
    {
        var (log, database) = await EmptyLogAsync(dialect);
        var otherNode = new SqlAuditLog(databases.SecondNode(database), TimeProvider.System);

        var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var node = writer % 2 == 0 ? log : otherNode;
            for (var i = 0; i < 12; i++)
            {
                await node.AppendAsync(Dispatch(writer * 100 + i));
            }
        }));
        await Task.WhenAll(writers);

        var verification = await log.VerifyAsync();
        Assert.True(verification.Intact, verification.Break?.Reason);
        Assert.Equal(96, verification.EntriesChecked);
        var entries = await log.ReadAsync(0, 1000);
        Assert.Equal(Enumerable.Range(1, 96).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(96, entries.Select(e => e.PreviousHash).Distinct().Count());
    }
}
