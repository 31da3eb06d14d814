namespace CityOps.Flow.Engine.Storage;

/// <summary>One deployed version of one executable process, as the store keeps it.</summary>
public sealed record ProcessDefinitionRecord
{
    public required string ProcessId { get; init; }
    public required int Version { get; init; }
    public required Guid DeploymentId { get; init; }
    public required string ResourceName { get; init; }
    /// <summary>SHA-256 of the resource text; an identical redeploy is recognised by it.</summary>
    public required string ContentHash { get; init; }
    public required string Xml { get; init; }
    public required DateTimeOffset DeployedAt { get; init; }
    /// <summary>Names of the messages a start event of this version listens to (for message start lookup).</summary>
    public IReadOnlyList<string> MessageStartNames { get; init; } = [];
    /// <summary>Names of the signals a start event of this version listens to.</summary>
    public IReadOnlyList<string> SignalStartNames { get; init; } = [];
}
