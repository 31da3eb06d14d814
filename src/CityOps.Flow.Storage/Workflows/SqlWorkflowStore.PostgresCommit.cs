using CityOps.Flow.Engine.Storage;
using Npgsql;

namespace CityOps.Flow.Storage;

public sealed partial class SqlWorkflowStore
{
    /// <summary>
    /// The whole commit in one round trip: a batch runs as one implicit transaction, its first statements guard each
    /// instance's version (<c>workflow_instance_advance</c> raises serialization_failure when it moved on; a new
    /// instance's INSERT breaks the primary key when another command created it), and any error rolls all of it back.
    /// </summary>
    private CommitOutcome CommitOnPostgres(NpgsqlConnection connection, IReadOnlyList<InstanceChange> instances, List<SqlStatement> rows)
    {
        using var batch = new NpgsqlBatch(connection);
        foreach (var change in instances)
        {
            batch.BatchCommands.Add(change.ExpectedVersion == 0
                ? Command(InsertInstanceSql, NewInstanceValues(change))
                : Command(
                    "SELECT workflow_instance_advance($1, $2, $3, $4, $5)",
                    [Id(change.InstanceId), change.ExpectedVersion, change.State.Status.ToString(), change.State.BusinessKey, Instant(change.State.EndedAt)]));
        }

        foreach (var row in rows)
        {
            batch.BatchCommands.Add(Command(row.Sql, row.Values));
        }

        try
        {
            batch.ExecuteNonQuery();
            return CommitOutcome.Committed;
        }
        catch (PostgresException e) when (IsVersionConflict(e))
        {
            return CommitOutcome.Conflict;
        }
    }

    private static bool IsVersionConflict(PostgresException e) =>
        (e.SqlState == PostgresErrorCodes.SerializationFailure && e.Hint == "cityops:instance-version")
        || (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "workflow_instances_pkey");

    private static NpgsqlBatchCommand Command(string sql, object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
