using System.Reflection;
using Xunit.Sdk;

namespace CityOps.Flow.Storage.Tests.Databases;

/// <summary>
/// Runs a storage theory on PostgreSQL when <c>CITYOPS_TEST_POSTGRES</c> names a server; otherwise the case is reported
/// as skipped with that reason, never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        if (PostgresServer.AdminConnectionString is null)
        {
            Skip = PostgresServer.NotConfigured;
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[SqlDialect.Postgres]];
}
