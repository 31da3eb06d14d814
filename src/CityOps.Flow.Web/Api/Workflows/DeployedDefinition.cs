namespace CityOps.Flow.Web.Api.Workflows;

public sealed record DeployedDefinition(string Id, int Version, bool IsNew, bool IsDecision);
