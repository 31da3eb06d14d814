namespace CityOps.Flow.Engine.Runtime.State;

/// <summary>A problem that stopped a token (uncaught error, failed expression, missing decision) until an operator acts.</summary>
public sealed record IncidentRecord
{
    public required Guid Id { get; init; }
    public required long TokenId { get; init; }
    public required string ElementId { get; init; }
    public required IncidentKind Kind { get; init; }
    public required string Message { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
}
