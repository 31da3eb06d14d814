using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Scheduling.Timers;
using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class SqlWorkflowStore
{
    private const string JobColumns = """
        id AS Id, kind AS Kind, due_at AS DueAt, element_id AS ElementId, instance_id AS InstanceId, token_id AS TokenId,
        process_id AS ProcessId, process_version AS ProcessVersion, timer_kind AS TimerKind, timer_text AS TimerText,
        remaining_repetitions AS RemainingRepetitions, lock_owner AS LockOwner, lock_expires_at AS LockExpiresAt
        """;

    public IReadOnlyList<JobRecord> AcquireDueJobs(DateTimeOffset now, string lockOwner, DateTimeOffset lockUntil, int maxJobs)
    {
        // PostgreSQL: workers on other nodes skip the rows this one is locking instead of queueing behind it.
        // SQLite: one writer at a time, so the statement is already exclusive.
        var skipLocked = connections.Dialect == SqlDialect.Postgres ? "FOR UPDATE SKIP LOCKED" : "";
        using var connection = connections.Open();
        var rows = connection.Query<JobRow>(
            $"""
            UPDATE jobs SET lock_owner = @lockOwner, lock_expires_at = @lockUntil
            WHERE id IN (
                SELECT id FROM jobs
                WHERE due_at <= @now AND (lock_expires_at IS NULL OR lock_expires_at <= @now)
                ORDER BY due_at, id
                LIMIT @maxJobs
                {skipLocked})
            RETURNING {JobColumns}
            """,
            new { now = Instant(now), lockOwner, lockUntil = Instant(lockUntil), maxJobs });
        return rows.Select(r => r.ToRecord()).OrderBy(j => j.DueAt).ThenBy(j => j.Id).ToList();
    }

    public JobRecord? FindJob(Guid jobId)
    {
        using var connection = connections.Open();
        return connection.QuerySingleOrDefault<JobRow>($"SELECT {JobColumns} FROM jobs WHERE id = @id", new { id = Id(jobId) })?.ToRecord();
    }

    public IReadOnlyList<JobRecord> FindStartTimerJobs(string processId)
    {
        using var connection = connections.Open();
        return connection.Query<JobRow>(
                $"SELECT {JobColumns} FROM jobs WHERE kind = 'TimerStart' AND process_id = @processId ORDER BY due_at, id", new { processId })
            .Select(r => r.ToRecord())
            .ToList();
    }

    public void ReleaseJob(Guid jobId, string lockOwner)
    {
        using var connection = connections.Open();
        connection.Execute(
            "UPDATE jobs SET lock_owner = NULL, lock_expires_at = NULL WHERE id = @id AND lock_owner = @lockOwner",
            new { id = Id(jobId), lockOwner });
    }

    public DateTimeOffset? NextDueTime()
    {
        using var connection = connections.Open();
        return SqlValues.ReadInstant(connection.ExecuteScalar<object?>("SELECT MIN(due_at) FROM jobs"));
    }

    private sealed class JobRow
    {
        public string Id { get; set; } = "";

        public string Kind { get; set; } = "";

        public object? DueAt { get; set; }

        public string ElementId { get; set; } = "";

        public string? InstanceId { get; set; }

        public long? TokenId { get; set; }

        public string? ProcessId { get; set; }

        public long? ProcessVersion { get; set; }

        public string TimerKind { get; set; } = "";

        public string TimerText { get; set; } = "";

        public long? RemainingRepetitions { get; set; }

        public string? LockOwner { get; set; }

        public object? LockExpiresAt { get; set; }

        public JobRecord ToRecord() => new()
        {
            Id = Guid.Parse(Id),
            Kind = Enum.Parse<JobKind>(Kind),
            DueAt = ReadRequiredInstant(DueAt),
            ElementId = ElementId,
            InstanceId = InstanceId is null ? null : Guid.Parse(InstanceId),
            TokenId = TokenId,
            ProcessId = ProcessId,
            ProcessVersion = (int?)ProcessVersion,
            TimerKind = Enum.Parse<TimerKind>(TimerKind),
            TimerText = TimerText,
            RemainingRepetitions = (int?)RemainingRepetitions,
            LockOwner = LockOwner,
            LockExpiresAt = SqlValues.ReadInstant(LockExpiresAt),
        };
    }
}
