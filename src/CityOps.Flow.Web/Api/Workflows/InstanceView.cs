using System.Text.Json.Nodes;

namespace CityOps.Flow.Web.Api.Workflows;

public sealed record InstanceView(
    Guid InstanceId, string ProcessId, int ProcessVersion, string? BusinessKey, string Status, DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt, JsonObject Variables, IReadOnlyList<TokenView> Tokens, IReadOnlyList<TaskView> OpenTasks,
    IReadOnlyList<IncidentView> Incidents, int PendingJobs);
