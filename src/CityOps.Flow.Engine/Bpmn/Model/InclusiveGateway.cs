namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>Takes every outgoing flow whose condition holds (else the default); joins the flows that can still arrive.</summary>
public sealed record InclusiveGateway : Gateway;
