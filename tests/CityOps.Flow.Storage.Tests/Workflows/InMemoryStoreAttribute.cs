using System.Reflection;
using Xunit.Sdk;

namespace CityOps.Flow.Storage.Tests.Workflows;

/// <summary>Runs a workflow store case on the engine's in-memory reference store.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class InMemoryStoreAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[WorkflowStoreKind.InMemory]];
}
