namespace CityOps.Flow.Web.Api.Workflows;

public sealed record TokenView(long Id, long? ParentId, string ElementId, string Phase);
