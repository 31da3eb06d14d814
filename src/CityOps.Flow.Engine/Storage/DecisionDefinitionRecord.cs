namespace CityOps.Flow.Engine.Storage;

/// <summary>One deployed version of a DMN resource (a set of decisions deployed together).</summary>
public sealed record DecisionDefinitionRecord
{
    /// <summary>The id of the DMN definitions element; versions count per this id.</summary>
    public required string DefinitionsId { get; init; }
    public required int Version { get; init; }
    public required Guid DeploymentId { get; init; }
    public required string ResourceName { get; init; }
    public required string ContentHash { get; init; }
    public required string Xml { get; init; }
    public required DateTimeOffset DeployedAt { get; init; }
    public required IReadOnlyList<string> DecisionIds { get; init; }
}
