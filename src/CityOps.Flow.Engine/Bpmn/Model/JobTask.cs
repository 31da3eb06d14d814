namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A task done by a job worker registered for its zeebe:taskDefinition type.</summary>
public abstract record JobTask : Activity
{
    /// <summary>zeebe:taskHeaders, static key/value pairs handed to the handler.</summary>
    public IReadOnlyList<TaskHeader> Headers { get; init; } = [];
}
