namespace CityOps.Flow.Engine.Bpmn.Diagram;

/// <summary>bpmndi:BPMNPlane: the shapes and edges drawn for one process or collaboration.</summary>
public sealed record DiagramPlane(
    string? Id,
    string? BpmnElementId,
    IReadOnlyList<DiagramShape> Shapes,
    IReadOnlyList<DiagramEdge> Edges);
