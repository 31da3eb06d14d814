namespace CityOps.Flow.Engine.Runtime.Messages;

/// <summary>A published message no subscription took yet; it waits until its time to live runs out.</summary>
public sealed record BufferedMessage
{
    public required Guid Id { get; init; }
    public required string MessageName { get; init; }
    public required string CorrelationKey { get; init; }
    public required IReadOnlyDictionary<string, object?> Variables { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
}
