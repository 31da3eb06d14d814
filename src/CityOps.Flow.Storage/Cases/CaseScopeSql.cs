using Dapper;

namespace CityOps.Flow.Storage;

/// <summary>The SQL every case query filters by: the one place a <see cref="DataScope"/> becomes a condition.</summary>
internal static class CaseScopeSql
{
    /// <summary>The condition "the case <c>c</c> is in the scope"; an empty scope matches nothing.</summary>
    public static string Filter(SqlDialect dialect, DataScope scope, DynamicParameters parameters)
    {
        if (scope.IsEmpty)
        {
            return "1 = 0";
        }

        var conditions = new List<string>();
        if (scope.AreaIds.Count > 0)
        {
            conditions.Add(In(dialect, "c.street_id", "ScopeAreas", scope.AreaIds, parameters));
            conditions.Add(In(dialect, "c.community_id", "ScopeAreas", scope.AreaIds, parameters));
            conditions.Add(In(dialect, "c.grid_id", "ScopeAreas", scope.AreaIds, parameters));
        }

        if (scope.DepartmentIds.Count > 0)
        {
            conditions.Add(In(dialect, "c.lead_department_id", "ScopeDepartments", scope.DepartmentIds, parameters));
        }

        return "(" + string.Join(" OR ", conditions) + ")";
    }

    /// <summary>Dapper expands a list into <c>IN (...)</c> on SQLite and passes a native array on PostgreSQL.</summary>
    public static string In(SqlDialect dialect, string column, string name, IReadOnlyCollection<string> values, DynamicParameters parameters)
    {
        parameters.Add(name, values.ToArray());
        return dialect == SqlDialect.Postgres ? $"{column} = ANY(@{name})" : $"{column} IN @{name}";
    }
}
