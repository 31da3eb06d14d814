using Dapper;

namespace CityOps.Flow.Storage;

/// <summary>
/// The failed attempts of jobs. A failure postpones its job by re-locking it until the retry time, so no other node
/// takes it sooner; an exhausted job is parked (locked until the end of time) until an operator retries it.
/// </summary>
public sealed class JobFailureLog(IDbConnectionFactory connections)
{
    /// <summary>The lock expiry of a parked job: later than any due time.</summary>
    public static readonly DateTimeOffset Parked = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private const string Columns =
        "job_id AS JobId, attempts AS Attempts, last_error AS LastError, last_failed_at AS LastFailedAt, worker AS Worker";

    /// <summary>
    /// Counts a failed attempt and keeps the job locked to <paramref name="worker"/> until the time
    /// <paramref name="nextAttemptAt"/> gives for the attempts so far (<see cref="Parked"/> to stop); returns the attempts.
    /// </summary>
    public int RecordFailure(Guid jobId, string worker, string error, DateTimeOffset failedAt, Func<int, DateTimeOffset> nextAttemptAt)
    {
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        var attempts = connection.ExecuteScalar<int>(
            """
            INSERT INTO job_failures (job_id, attempts, last_error, last_failed_at, worker)
            VALUES (@id, 1, @error, @failedAt, @worker)
            ON CONFLICT (job_id) DO UPDATE SET attempts = job_failures.attempts + 1, last_error = excluded.last_error,
                last_failed_at = excluded.last_failed_at, worker = excluded.worker
            RETURNING attempts
            """,
            new { id = Id(jobId), error, failedAt = SqlValues.Instant(connections.Dialect, failedAt), worker },
            transaction);
        connection.Execute(
            "UPDATE jobs SET lock_owner = @worker, lock_expires_at = @retryAt WHERE id = @id",
            new { id = Id(jobId), worker, retryAt = SqlValues.Instant(connections.Dialect, nextAttemptAt(attempts)) },
            transaction);
        transaction.Commit();
        return attempts;
    }

    /// <summary>Forgets the failures of a job that has now run.</summary>
    public void Clear(Guid jobId)
    {
        using var connection = connections.Open();
        connection.Execute("DELETE FROM job_failures WHERE job_id = @id", new { id = Id(jobId) });
    }

    /// <summary>An operator's retry of a parked job: its failures are forgotten and it is free for the next acquisition.</summary>
    public bool Retry(Guid jobId)
    {
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        var released = connection.Execute(
            "UPDATE jobs SET lock_owner = NULL, lock_expires_at = NULL WHERE id = @id", new { id = Id(jobId) }, transaction);
        connection.Execute("DELETE FROM job_failures WHERE job_id = @id", new { id = Id(jobId) }, transaction);
        transaction.Commit();
        return released == 1;
    }

    public JobFailure? Find(Guid jobId)
    {
        using var connection = connections.Open();
        return connection.QuerySingleOrDefault<FailureRow>($"SELECT {Columns} FROM job_failures WHERE job_id = @id", new { id = Id(jobId) })?.ToRecord();
    }

    /// <summary>Every job that is failing or parked, most attempts first, for the operators' view.</summary>
    public IReadOnlyList<JobFailure> List()
    {
        using var connection = connections.Open();
        return connection.Query<FailureRow>($"SELECT {Columns} FROM job_failures ORDER BY attempts DESC, last_failed_at")
            .Select(r => r.ToRecord())
            .ToList();
    }

    private static string Id(Guid id) => id.ToString("D");

    private sealed class FailureRow
    {
        public string JobId { get; set; } = "";

        public long Attempts { get; set; }

        public string LastError { get; set; } = "";

        public object? LastFailedAt { get; set; }

        public string Worker { get; set; } = "";

        public JobFailure ToRecord() =>
            new(Guid.Parse(JobId), (int)Attempts, LastError, SqlValues.ReadInstant(LastFailedAt) ?? DateTimeOffset.MinValue, Worker);
    }
}
