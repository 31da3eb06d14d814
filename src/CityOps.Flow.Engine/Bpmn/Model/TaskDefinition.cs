namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>zeebe:taskDefinition: the handler type and how many attempts a job gets.</summary>
public sealed record TaskDefinition(BpmnValue Type, BpmnValue Retries);
