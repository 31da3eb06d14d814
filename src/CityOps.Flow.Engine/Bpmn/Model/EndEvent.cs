namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>Ends a path: none, terminate, error, escalation or message.</summary>
public sealed record EndEvent : Event;
