namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A start, end, intermediate or boundary event; a null definition is a none event.</summary>
public abstract record Event : FlowNode
{
    public EventDefinition? Definition { get; init; }
}
