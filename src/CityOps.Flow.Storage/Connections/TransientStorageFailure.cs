using Microsoft.Data.Sqlite;
using Npgsql;

namespace CityOps.Flow.Storage;

/// <summary>
/// Failures that say "the database is busy, try again" rather than "this request is wrong": SQLite's busy or locked
/// database after the busy timeout, PostgreSQL's serialization failures, deadlocks, lock timeouts and a full
/// connection pool. Whatever such a transaction wrote was rolled back, so running it again is safe.
/// </summary>
public static class TransientStorageFailure
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>Whether <paramref name="exception"/>, or one it wraps, is a transient database failure.</summary>
    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            var transient = e switch
            {
                SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
                PostgresException postgres => postgres.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
                    or PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.TooManyConnections,
                NpgsqlException { InnerException: TimeoutException } => true,
                _ => false,
            };
            if (transient)
            {
                return true;
            }
        }

        return false;
    }
}
