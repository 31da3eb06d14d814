namespace CityOps.Flow.Engine.Runtime.ServiceTasks;

/// <summary>The handlers by zeebe:taskDefinition type. Deploying a process whose literal task type has no handler is refused.</summary>
public sealed class ServiceTaskHandlers
{
    private readonly Dictionary<string, ServiceTaskHandler> _handlers = new(StringComparer.Ordinal);

    public ServiceTaskHandlers Register(string taskType, ServiceTaskHandler handler)
    {
        _handlers[taskType] = handler;
        return this;
    }

    public bool Contains(string taskType) => _handlers.ContainsKey(taskType);

    public ServiceTaskHandler? Find(string taskType) => _handlers.GetValueOrDefault(taskType);

    public IEnumerable<string> Types => _handlers.Keys;
}
