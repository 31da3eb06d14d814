namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>Takes the first outgoing flow (document order) whose condition holds, else the default flow.</summary>
public sealed record ExclusiveGateway : Gateway;
