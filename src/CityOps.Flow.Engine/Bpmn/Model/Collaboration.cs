namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>bpmn:collaboration: pools, message flows and the artifacts drawn on them.</summary>
public sealed record Collaboration(
    string Id,
    string? Name,
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<MessageFlow> MessageFlows,
    IReadOnlyList<BpmnArtifact> Artifacts);
