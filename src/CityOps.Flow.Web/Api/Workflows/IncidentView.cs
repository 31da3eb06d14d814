namespace CityOps.Flow.Web.Api.Workflows;

public sealed record IncidentView(Guid InstanceId, Guid IncidentId, string ElementId, string Kind, string Message, DateTimeOffset RaisedAt);
