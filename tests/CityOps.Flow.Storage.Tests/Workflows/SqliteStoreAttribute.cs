using System.Reflection;
using Xunit.Sdk;

namespace CityOps.Flow.Storage.Tests.Workflows;

/// <summary>Runs a workflow store case on <see cref="SqlWorkflowStore"/> over SQLite.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteStoreAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[WorkflowStoreKind.Sqlite]];
}
