namespace CityOps.Flow.Engine.Runtime.Messages;

/// <summary>A token waiting for a message with this name and correlation key (evaluated when the subscription opened).</summary>
public sealed record MessageSubscriptionRecord
{
    public required Guid Id { get; init; }
    public required Guid InstanceId { get; init; }
    /// <summary>The token that owns the subscription (the waiting element, the activity of a boundary, or the scope of an event sub-process).</summary>
    public required long TokenId { get; init; }
    /// <summary>The catching element: receive task, catch event, boundary event or event sub-process start.</summary>
    public required string ElementId { get; init; }
    public required string MessageName { get; init; }
    public required string CorrelationKey { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
}
