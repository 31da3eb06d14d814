using CityOps.Flow.Engine.Runtime.History;

namespace CityOps.Flow.Engine.Storage;

/// <summary>The append-only event stream of each instance.</summary>
public interface IHistoryStore
{
    /// <summary>All events of the instance in sequence order.</summary>
    IReadOnlyList<HistoryEvent> ReadHistory(Guid instanceId);
}
