using CityOps.Flow.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace CityOps.Flow.Storage;

public sealed partial class SqlWorkflowStore
{
    /// <summary>
    /// BEGIN IMMEDIATE takes the write lock first, then each instance's version guard, then the rows, then COMMIT:
    /// all on statements prepared once for this native connection.
    /// </summary>
    private static CommitOutcome CommitOnSqlite(SqliteConnection connection, IReadOnlyList<InstanceChange> instances, List<SqlStatement> rows)
    {
        var statements = SqliteStatements.Of(connection);
        statements.BeginImmediate();
        try
        {
            foreach (var change in instances)
            {
                if (!AdvanceInstance(statements, change))
                {
                    statements.Execute("ROLLBACK");
                    return CommitOutcome.Conflict;
                }
            }

            foreach (var row in rows)
            {
                statements.Execute(Numbered(row.Sql), row.Values);
            }

            statements.Execute("COMMIT");
            return CommitOutcome.Committed;
        }
        finally
        {
            // A failed statement or COMMIT leaves the transaction open; the pooled connection must not keep it.
            if (!statements.InAutocommit)
            {
                statements.Execute("ROLLBACK");
            }
        }
    }

    private static bool AdvanceInstance(SqliteStatements statements, InstanceChange change)
    {
        var state = change.State;
        return change.ExpectedVersion == 0
            ? statements.Execute(
                Numbered(InsertInstanceSql + " ON CONFLICT (id) DO NOTHING"),
                Id(change.InstanceId), state.ProcessId, state.ProcessVersion, state.BusinessKey, Id(state.ParentInstanceId),
                state.Status.ToString(), Instant(SqlDialect.Sqlite, state.StartedAt), Instant(SqlDialect.Sqlite, state.EndedAt)) == 1
            : statements.Execute(
                "UPDATE workflow_instances SET version = ?2 + 1, status = ?3, business_key = ?4, ended_at = ?5 WHERE id = ?1 AND version = ?2",
                Id(change.InstanceId), change.ExpectedVersion, state.Status.ToString(), state.BusinessKey,
                Instant(SqlDialect.Sqlite, state.EndedAt)) == 1;
    }

    private static string Numbered(string sql) => PositionalSql.ForSqlite(sql);

    private static object? Instant(SqlDialect dialect, DateTimeOffset? value) => SqlValues.Instant(dialect, value);
}
