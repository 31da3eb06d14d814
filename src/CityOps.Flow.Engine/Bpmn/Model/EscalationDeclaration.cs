namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>bpmn:escalation; matched by <see cref="EscalationCode"/>.</summary>
public sealed record EscalationDeclaration(string Id, string? Name, BpmnValue? EscalationCode);
