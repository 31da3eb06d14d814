namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>Waits for a timer, message or signal.</summary>
public sealed record IntermediateCatchEvent : Event;
