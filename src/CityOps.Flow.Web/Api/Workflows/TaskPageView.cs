namespace CityOps.Flow.Web.Api.Workflows;

public sealed record TaskPageView(IReadOnlyList<TaskView> Items, int Total, int Offset, int Limit);
