namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>Joins all incoming flows, then takes every outgoing flow.</summary>
public sealed record ParallelGateway : Gateway;
