namespace CityOps.Flow.Web.Api.Workflows;

public sealed record InstanceStarted(Guid InstanceId);
