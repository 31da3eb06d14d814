namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>An event attached to an activity; when <see cref="CancelActivity"/> it interrupts the activity.</summary>
public sealed record BoundaryEvent : Event
{
    public required string AttachedToId { get; init; }

    public bool CancelActivity { get; init; } = true;
}
