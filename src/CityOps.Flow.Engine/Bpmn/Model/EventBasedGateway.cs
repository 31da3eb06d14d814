namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>Waits on the catch events (or receive tasks) that follow it; the first to happen wins.</summary>
public sealed record EventBasedGateway : Gateway;
