namespace CityOps.Flow.Web.Tests.Lifecycle;

/// <summary>The database a lifecycle host runs on.</summary>
public enum LifecycleStore
{
    Sqlite,
    Postgres,
}
