namespace CityOps.Flow.Engine.Runtime.Commands;

/// <summary>A process or decision resource after a deployment: its version, and whether this deployment created it.</summary>
public sealed record DeployedVersion(string Id, int Version, bool IsNew, bool IsDecision);
