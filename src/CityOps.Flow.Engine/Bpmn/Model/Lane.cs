namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A lane of a process, kept for viewing; it has no execution meaning.</summary>
public sealed record Lane(string Id, string? Name, IReadOnlyList<string> FlowNodeIds, IReadOnlyList<Lane> ChildLanes);
