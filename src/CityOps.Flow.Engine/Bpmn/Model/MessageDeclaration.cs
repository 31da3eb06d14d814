namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>bpmn:message with its zeebe:subscription correlation key (evaluated when the subscription opens).</summary>
public sealed record MessageDeclaration(string Id, BpmnValue? Name, BpmnExpression? CorrelationKey);
