namespace CityOps.Flow.Engine.Storage;

/// <summary>Everything the runtime needs from storage; the in-memory store and the SQL stores implement it.</summary>
public interface IWorkflowStore : IDefinitionStore, IInstanceStore, IJobStore, ITaskQueries, IHistoryStore;
