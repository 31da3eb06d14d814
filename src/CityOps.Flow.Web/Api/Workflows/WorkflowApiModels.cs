using System.Text.Json;
using System.Text.Json.Nodes;

namespace CityOps.Flow.Web.Api.Workflows;

/// <summary>POST /api/workflows/instances: which process to start, with its first variables.</summary>
public sealed record StartInstanceRequest(string ProcessId, int? Version = null, string? BusinessKey = null, JsonElement? Variables = null);

/// <summary>Variables entered with a command (a task's form, a message's payload, a signal's payload).</summary>
public sealed record VariablesRequest(JsonElement? Variables = null);

public sealed record CorrelateMessageRequest(string Name, string CorrelationKey, JsonElement? Variables = null, TimeSpan? TimeToLive = null);

public sealed record BroadcastSignalRequest(string Name, JsonElement? Variables = null);

public sealed record DefinitionVersion(string ProcessId, int Version, string ResourceName, Guid DeploymentId, DateTimeOffset DeployedAt);

public sealed record DeployedDefinition(string Id, int Version, bool IsNew, bool IsDecision);

public sealed record InstanceStarted(Guid InstanceId);

public sealed record TokenView(long Id, long? ParentId, string ElementId, string Phase);

public sealed record TaskView(
    Guid Id, Guid InstanceId, string ElementId, string? Name, string ProcessId, int ProcessVersion, string? Assignee,
    IReadOnlyList<string> CandidateGroups, IReadOnlyList<string> CandidateUsers, DateTimeOffset? DueDate, int Priority,
    string? FormKey, DateTimeOffset CreatedAt);

public sealed record TaskPageView(IReadOnlyList<TaskView> Items, int Total, int Offset, int Limit);

public sealed record IncidentView(Guid InstanceId, Guid IncidentId, string ElementId, string Kind, string Message, DateTimeOffset RaisedAt);

public sealed record InstanceView(
    Guid InstanceId, string ProcessId, int ProcessVersion, string? BusinessKey, string Status, DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt, JsonObject Variables, IReadOnlyList<TokenView> Tokens, IReadOnlyList<TaskView> OpenTasks,
    IReadOnlyList<IncidentView> Incidents, int PendingJobs);

/// <summary>One history event: its place, time, actor and element, and its kind (e.g. <c>task-completed</c>).</summary>
public sealed record HistoryEntry(long Sequence, string Kind, DateTimeOffset Time, string Actor, string? ElementId);

public sealed record MessageCorrelated(string Outcome, IReadOnlyList<Guid> Instances);

public sealed record SignalBroadcast(IReadOnlyList<Guid> Instances);
