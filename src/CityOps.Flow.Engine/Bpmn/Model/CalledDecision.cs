namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>zeebe:calledDecision: the DMN decision to evaluate and the variable that receives its result.</summary>
public sealed record CalledDecision(BpmnValue DecisionId, string ResultVariable);
