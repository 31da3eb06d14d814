namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A task that waits for a correlated message.</summary>
public sealed record ReceiveTask : Activity
{
    public required MessageDeclaration Message { get; init; }
}
