namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A task that sends something: a job (zeebe:taskDefinition) and/or a referenced message.</summary>
public sealed record SendTask : JobTask
{
    public TaskDefinition? Definition { get; init; }

    public MessageDeclaration? Message { get; init; }
}
