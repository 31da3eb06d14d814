using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CityOps.Flow.Storage;

/// <summary>
/// Statements prepared once per native SQLite connection and re-run with new values. Microsoft.Data.Sqlite prepares
/// a command's SQL again on every execution and finalises it when the pooled connection is handed back; the engine
/// runs the same dozen statements for every command, so parsing and planning them was a large share of a commit.
/// The pool hands the same native connection out again, so statements cached on it stay valid across opens. A native
/// connection is used by one caller at a time, which is why a connection's cache needs no lock.
/// </summary>
internal sealed class SqliteStatements
{
    private static readonly ConditionalWeakTable<sqlite3, SqliteStatements> PerConnection = new();

    private readonly sqlite3 db;
    private readonly Dictionary<string, sqlite3_stmt> prepared = new(StringComparer.Ordinal);
    private TimeSpan? busyTimeout;

    private SqliteStatements(sqlite3 db) => this.db = db;

    /// <summary>The statements of the native connection behind <paramref name="connection"/>, which must be open.</summary>
    public static SqliteStatements Of(SqliteConnection connection)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        return PerConnection.GetValue(handle, static h => new SqliteStatements(h));
    }

    /// <summary>Whether the connection is outside any transaction (SQLite's autocommit mode).</summary>
    public bool InAutocommit => raw.sqlite3_get_autocommit(db) != 0;

    /// <summary>
    /// BEGIN IMMEDIATE, waiting up to the connection's busy timeout for another writer to finish. SQLite's own busy
    /// handler is not enough here: once a connection has committed, a later BEGIN on it can report busy at once.
    /// </summary>
    public void BeginImmediate()
    {
        var statement = Bind("BEGIN IMMEDIATE", []);
        try
        {
            var waited = Stopwatch.StartNew();
            var pause = 1;
            int rc;
            while ((rc = raw.sqlite3_step(statement)) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED && waited.Elapsed < BusyTimeout)
            {
                raw.sqlite3_reset(statement);
                Thread.Sleep(pause);
                pause = Math.Min(pause * 2, 20);
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }
        }
        finally
        {
            Release(statement);
        }
    }

    /// <summary>The connection's <c>busy_timeout</c>, read once.</summary>
    private TimeSpan BusyTimeout
    {
        get
        {
            if (busyTimeout is null)
            {
                long milliseconds = 0;
                Query("PRAGMA busy_timeout", [], row => milliseconds = Integer(row, 0));
                busyTimeout = TimeSpan.FromMilliseconds(milliseconds);
            }

            return busyTimeout.Value;
        }
    }

    /// <summary>Runs a statement that returns no rows; returns the rows it changed.</summary>
    public int Execute(string sql, params ReadOnlySpan<object?> values)
    {
        var statement = Bind(sql, values);
        try
        {
            var rc = raw.sqlite3_step(statement);
            if (rc is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }

            return raw.sqlite3_changes(db);
        }
        finally
        {
            Release(statement);
        }
    }

    /// <summary>Runs a query and hands each row to <paramref name="read"/>, which reads its columns with the static readers.</summary>
    public void Query(string sql, ReadOnlySpan<object?> values, Action<sqlite3_stmt> read)
    {
        var statement = Bind(sql, values);
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                read(statement);
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }
        }
        finally
        {
            Release(statement);
        }
    }

    public static string? Text(sqlite3_stmt row, int column) =>
        raw.sqlite3_column_type(row, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(row, column).utf8_to_string();

    public static long Integer(sqlite3_stmt row, int column) => raw.sqlite3_column_int64(row, column);

    /// <summary>A column as ADO.NET would give it: long, double, string, byte[] or null.</summary>
    public static object? Value(sqlite3_stmt row, int column) => raw.sqlite3_column_type(row, column) switch
    {
        raw.SQLITE_NULL => null,
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(row, column),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(row, column),
        raw.SQLITE_TEXT => raw.sqlite3_column_text(row, column).utf8_to_string(),
        _ => raw.sqlite3_column_blob(row, column).ToArray(),
    };

    private sqlite3_stmt Bind(string sql, ReadOnlySpan<object?> values)
    {
        if (!prepared.TryGetValue(sql, out var statement))
        {
            var rc = raw.sqlite3_prepare_v2(db, sql, out statement);
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }

            prepared.Add(sql, statement);
        }

        for (var i = 0; i < values.Length; i++)
        {
            var rc = values[i] switch
            {
                null => raw.sqlite3_bind_null(statement, i + 1),
                string text => raw.sqlite3_bind_text(statement, i + 1, text),
                long number => raw.sqlite3_bind_int64(statement, i + 1, number),
                int number => raw.sqlite3_bind_int64(statement, i + 1, number),
                var other => throw new ArgumentException($"A {other.GetType().Name} cannot be bound to a cached SQLite statement.", nameof(values)),
            };
            if (rc != raw.SQLITE_OK)
            {
                Release(statement);
                SqliteException.ThrowExceptionForRC(rc, db);
            }
        }

        return statement;
    }

    // Reset ends the statement's read of the database: a statement left stepping would pin an old snapshot.
    private static void Release(sqlite3_stmt statement)
    {
        raw.sqlite3_reset(statement);
        raw.sqlite3_clear_bindings(statement);
    }
}
