namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>Waits for (or, on an end event, sends) a message.</summary>
public sealed record MessageEventDefinition : EventDefinition
{
    public required MessageDeclaration Message { get; init; }
}
