namespace CityOps.Flow.Engine.Runtime.Messages;

/// <summary>A token waiting for a broadcast signal.</summary>
public sealed record SignalSubscriptionRecord
{
    public required Guid Id { get; init; }
    public required Guid InstanceId { get; init; }
    public required long TokenId { get; init; }
    public required string ElementId { get; init; }
    public required string SignalName { get; init; }
}
