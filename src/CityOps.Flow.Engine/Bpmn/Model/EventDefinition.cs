namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>What kind of trigger or result an event has.</summary>
public abstract record EventDefinition
{
    public string? Id { get; init; }
}
