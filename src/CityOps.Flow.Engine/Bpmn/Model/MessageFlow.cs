namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A message flow between pools, kept for viewing.</summary>
public sealed record MessageFlow(string Id, string? Name, string SourceId, string TargetId);
