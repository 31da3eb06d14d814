namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>zeebe:calledElement: the process to start and which variables cross the boundary.</summary>
public sealed record CalledElement(BpmnValue ProcessId, bool PropagateAllChildVariables, bool PropagateAllParentVariables);
