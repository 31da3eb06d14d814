namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>An end event that ends its whole scope at once.</summary>
public sealed record TerminateEventDefinition : EventDefinition;
