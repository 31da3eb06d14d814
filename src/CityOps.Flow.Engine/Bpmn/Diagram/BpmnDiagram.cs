namespace CityOps.Flow.Engine.Bpmn.Diagram;

/// <summary>bpmndi:BPMNDiagram.</summary>
public sealed record BpmnDiagram(string? Id, string? Name, DiagramPlane Plane);
