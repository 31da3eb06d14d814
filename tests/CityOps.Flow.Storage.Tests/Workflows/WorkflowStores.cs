using CityOps.Flow.Engine.Storage;
using CityOps.Flow.Storage.Tests.Databases;

namespace CityOps.Flow.Storage.Tests.Workflows;

internal static class WorkflowStores
{
    /// <summary>A fresh, empty store of the kind (SQL ones on a new migrated database).</summary>
    public static async Task<IWorkflowStore> CreateAsync(TestDatabases databases, WorkflowStoreKind kind)
    {
        if (kind == WorkflowStoreKind.InMemory)
        {
            return new InMemoryWorkflowStore();
        }

        var database = await databases.EmptyAsync(kind == WorkflowStoreKind.Sqlite ? SqlDialect.Sqlite : SqlDialect.Postgres);
        await TestDatabases.Runner(database).ApplyAsync();
        return new SqlWorkflowStore(database);
    }
}
