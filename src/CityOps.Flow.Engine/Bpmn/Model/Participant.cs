namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A pool of a collaboration; <see cref="ProcessId"/> is null for a black-box pool.</summary>
public sealed record Participant(string Id, string? Name, string? ProcessId);
