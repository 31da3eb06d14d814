namespace CityOps.Flow.Web.Api.Workflows;

public sealed record SignalBroadcast(IReadOnlyList<Guid> Instances);
