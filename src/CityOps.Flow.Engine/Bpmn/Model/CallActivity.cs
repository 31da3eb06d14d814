namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>Starts another deployed process as a child instance and waits for it.</summary>
public sealed record CallActivity : Activity
{
    public required CalledElement Called { get; init; }
}
