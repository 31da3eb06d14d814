namespace CityOps.Flow.Storage;

/// <summary>The SQL dialect a connection speaks; the few statements that differ are chosen by it.</summary>
public enum SqlDialect
{
    Sqlite,
    Postgres,
}
