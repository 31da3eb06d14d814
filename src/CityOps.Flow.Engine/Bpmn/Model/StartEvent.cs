namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>Where a scope starts. In an event sub-process, <see cref="IsInterrupting"/> says whether it cancels the enclosing scope.</summary>
public sealed record StartEvent : Event
{
    public bool IsInterrupting { get; init; } = true;
}
