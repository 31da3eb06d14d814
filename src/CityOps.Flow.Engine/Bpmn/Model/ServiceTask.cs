namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A task done by the handler registered for its task definition type.</summary>
public sealed record ServiceTask : JobTask
{
    public required TaskDefinition Definition { get; init; }
}
