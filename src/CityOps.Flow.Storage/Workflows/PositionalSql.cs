using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CityOps.Flow.Storage;

/// <summary>
/// The engine's hot statements, written once with positional parameters (<c>$1</c>, <c>$2</c>…): on SQLite they run
/// on statements prepared once per native connection (<see cref="SqliteStatements"/>), on PostgreSQL as commands that
/// Npgsql prepares automatically.
/// </summary>
internal static partial class PositionalSql
{
    private static readonly ConcurrentDictionary<string, string> SqliteText = new(StringComparer.Ordinal);

    /// <summary>The SQL with SQLite's numbered parameters (<c>?1</c>) for PostgreSQL's (<c>$1</c>).</summary>
    public static string ForSqlite(string sql) =>
        SqliteText.TryGetValue(sql, out var numbered) ? numbered : SqliteText.GetOrAdd(sql, s => Parameter().Replace(s, "?$1"));

    /// <summary>Every row of a query, each read through a column-by-index accessor (null for SQL NULL).</summary>
    public static List<T> Query<T>(DbConnection connection, string sql, IReadOnlyList<object?> values, Func<Func<int, object?>, T> map)
    {
        var rows = new List<T>();
        switch (connection)
        {
            case SqliteConnection sqlite:
                SqliteStatements.Of(sqlite).Query(ForSqlite(sql), values.ToArray(), row => rows.Add(map(i => SqliteStatements.Value(row, i))));
                break;
            case NpgsqlConnection postgres:
                using (var command = new NpgsqlCommand(sql, postgres))
                {
                    foreach (var value in values)
                    {
                        command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                    }

                    using var reader = command.ExecuteReader();
                    while (reader.Read())
                    {
                        rows.Add(map(i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
                    }
                }

                break;
            default:
                throw new NotSupportedException($"No positional SQL for {connection.GetType().Name}.");
        }

        return rows;
    }

    /// <summary>Hands every row of a query to <paramref name="read"/>.</summary>
    public static void ForEach(DbConnection connection, string sql, IReadOnlyList<object?> values, Action<Func<int, object?>> read) =>
        Query(connection, sql, values, column =>
        {
            read(column);
            return true;
        });

    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex Parameter();
}
