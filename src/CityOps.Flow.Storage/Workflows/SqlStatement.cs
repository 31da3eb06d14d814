namespace CityOps.Flow.Storage;

/// <summary>One statement of a commit: SQL with positional parameters <c>$1</c>, <c>$2</c>… and their values in order.</summary>
internal readonly record struct SqlStatement(string Sql, object?[] Values);
