namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>Throws an error (end event) or catches one (boundary, event sub-process start); a null error catches all.</summary>
public sealed record ErrorEventDefinition : EventDefinition
{
    public ErrorDeclaration? Error { get; init; }
}
