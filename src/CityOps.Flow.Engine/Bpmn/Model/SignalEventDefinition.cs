namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>Catches or broadcasts a signal by name.</summary>
public sealed record SignalEventDefinition : EventDefinition
{
    public required SignalDeclaration Signal { get; init; }
}
