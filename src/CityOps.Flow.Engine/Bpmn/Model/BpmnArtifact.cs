namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>An annotation, association, group or data element, kept so the diagram can show it; never executed.</summary>
public sealed record BpmnArtifact(string Id, ArtifactKind Kind, string? Name, string? Text, string? SourceId, string? TargetId);
