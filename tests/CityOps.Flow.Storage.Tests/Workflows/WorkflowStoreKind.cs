namespace CityOps.Flow.Storage.Tests.Workflows;

/// <summary>The store implementations the workflow contract cases run on: the engine's reference and the two SQL dialects.</summary>
public enum WorkflowStoreKind
{
    InMemory,
    Sqlite,
    Postgres,
}
