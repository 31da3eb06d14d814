using System.Reflection;
using CityOps.Flow.Storage.Tests.Databases;
using Xunit.Sdk;

namespace CityOps.Flow.Storage.Tests.Workflows;

/// <summary>Runs a workflow store case on <see cref="SqlWorkflowStore"/> over PostgreSQL, or reports it skipped with the reason.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresStoreAttribute : DataAttribute
{
    public PostgresStoreAttribute()
    {
        if (PostgresServer.AdminConnectionString is null)
        {
            Skip = PostgresServer.NotConfigured;
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[WorkflowStoreKind.Postgres]];
}
