namespace CityOps.Flow.Engine.Runtime.ServiceTasks;

/// <summary>What a service-task handler sees: the task, the instance and the variables visible at the task.</summary>
public sealed record ServiceTaskContext
{
    public required Guid InstanceId { get; init; }
    public required string ProcessId { get; init; }
    public required string ElementId { get; init; }
    public required string TaskType { get; init; }
    public required IReadOnlyDictionary<string, object?> Variables { get; init; }
    /// <summary>zeebe:taskHeaders of the task.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public required DateTimeOffset Now { get; init; }
}
