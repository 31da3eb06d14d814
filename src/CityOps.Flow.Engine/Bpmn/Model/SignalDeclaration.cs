namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>bpmn:signal; signals are matched by name.</summary>
public sealed record SignalDeclaration(string Id, BpmnValue? Name);
