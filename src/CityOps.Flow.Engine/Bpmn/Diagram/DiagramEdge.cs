namespace CityOps.Flow.Engine.Bpmn.Diagram;

/// <summary>bpmndi:BPMNEdge: the waypoints of a sequence flow, message flow or association.</summary>
public sealed record DiagramEdge(
    string Id,
    string? BpmnElementId,
    IReadOnlyList<DiagramPoint> Waypoints,
    DiagramBounds? LabelBounds = null);
