using System.Data.Common;
using CityOps.Flow.Storage.Tests.Databases;
using Dapper;

namespace CityOps.Flow.Storage.Tests.Workflows;

/// <summary>
/// The lookups served by the partial indexes (business key, parent instance, a person's claimed tasks) still use them:
/// every such lookup names a value, which implies the index's NOT NULL condition.
/// </summary>
public sealed class IndexUseTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Lookups_by_business_key_parent_and_assignee_use_their_partial_indexes(SqlDialect dialect)
    {
        var database = await databases.MigratedAsync(dialect);
        await using var connection = await database.OpenAsync();

        Assert.Contains("ix_workflow_instances_business_key", await PlanAsync(connection, dialect,
            "SELECT id FROM workflow_instances WHERE business_key = 'C-2026-000123'"));
        Assert.Contains("ix_workflow_instances_parent", await PlanAsync(connection, dialect,
            "SELECT id FROM workflow_instances WHERE parent_instance_id = '0b7c1a52-4b8e-4f7e-9d7c-2f1f3c0a9e11'"));
        Assert.Contains("ix_user_tasks_assignee", await PlanAsync(connection, dialect,
            "SELECT id FROM user_tasks WHERE assignee = 'zhang.wei' ORDER BY due_date"));
    }

    /// <summary>The query plan as text. PostgreSQL is told not to prefer a scan of the (empty) table, as it would on real volumes.</summary>
    private static async Task<string> PlanAsync(DbConnection connection, SqlDialect dialect, string sql)
    {
        if (dialect == SqlDialect.Sqlite)
        {
            var rows = await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql);
            return string.Join("\n", rows.Select(r => r.Detail));
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SET LOCAL enable_seqscan = off", transaction: transaction);
        var plan = string.Join("\n", await connection.QueryAsync<string>("EXPLAIN " + sql, transaction: transaction));
        await transaction.RollbackAsync();
        return plan;
    }
}
