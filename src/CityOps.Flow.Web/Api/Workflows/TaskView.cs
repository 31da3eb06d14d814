namespace CityOps.Flow.Web.Api.Workflows;

public sealed record TaskView(
    Guid Id, Guid InstanceId, string ElementId, string? Name, string ProcessId, int ProcessVersion, string? Assignee,
    IReadOnlyList<string> CandidateGroups, IReadOnlyList<string> CandidateUsers, DateTimeOffset? DueDate, int Priority,
    string? FormKey, DateTimeOffset CreatedAt);
