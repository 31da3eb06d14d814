namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>What every history event carries: its place in the instance's stream, when, who, and where in the model.</summary>
public readonly record struct EventHeader(long Sequence, Guid InstanceId, DateTimeOffset Time, string Actor, string? ElementId);
