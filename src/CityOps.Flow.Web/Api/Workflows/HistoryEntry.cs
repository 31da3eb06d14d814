namespace CityOps.Flow.Web.Api.Workflows;

/// <summary>One history event: its place, time, actor and element, and its kind (e.g. <c>task-completed</c>).</summary>
public sealed record HistoryEntry(long Sequence, string Kind, DateTimeOffset Time, string Actor, string? ElementId);
