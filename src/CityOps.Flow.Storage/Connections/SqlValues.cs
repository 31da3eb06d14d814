using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CityOps.Flow.Storage;

/// <summary>The value conversions and error codes where SQLite and PostgreSQL differ.</summary>
internal static class SqlValues
{
    /// <summary>A UTC instant as the dialect stores it: ISO 8601 text on SQLite, timestamptz on PostgreSQL.</summary>
    public static object? Instant(SqlDialect dialect, DateTimeOffset? value) => value is not { } instant
        ? null
        : dialect switch
        {
            SqlDialect.Sqlite => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            _ => instant.ToUniversalTime(),
        };

    public static DateTimeOffset? ReadInstant(object? column) => column switch
    {
        null or DBNull => null,
        DateTimeOffset instant => instant.ToUniversalTime(),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new InvalidCastException($"A stored instant of type {column.GetType().Name} cannot be read."),
    };

    /// <summary>True when the statement broke a primary key or unique index (SQLite constraint 2067/1555, PostgreSQL 23505).</summary>
    public static bool IsUniqueViolation(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
