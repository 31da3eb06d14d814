namespace CityOps.Flow.Engine.Bpmn.Diagram;

/// <summary>bpmndi:BPMNShape: where a node, pool, lane or artifact is drawn.</summary>
public sealed record DiagramShape(
    string Id,
    string? BpmnElementId,
    DiagramBounds Bounds,
    DiagramBounds? LabelBounds = null,
    bool? IsExpanded = null,
    bool? IsHorizontal = null);
