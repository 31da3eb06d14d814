namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>Anything in a process with an id: flow nodes and sequence flows.</summary>
public abstract record BpmnElement
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Documentation { get; init; }

    public SourcePosition Position { get; init; }
}
