namespace CityOps.Flow.Engine.Runtime.Commands;

/// <summary>Where a message went: the instances it reached or started, or the buffer.</summary>
public sealed record MessageCorrelationResult(MessageCorrelationOutcome Outcome, IReadOnlyList<Guid> Instances);
