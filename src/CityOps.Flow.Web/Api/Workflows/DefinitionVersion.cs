namespace CityOps.Flow.Web.Api.Workflows;

public sealed record DefinitionVersion(string ProcessId, int Version, string ResourceName, Guid DeploymentId, DateTimeOffset DeployedAt);
