namespace CityOps.Flow.Web.Api.Workflows;

public sealed record MessageCorrelated(string Outcome, IReadOnlyList<Guid> Instances);
