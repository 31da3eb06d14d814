namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>
/// Waits for a message (start, catch, boundary), or sends one (end, intermediate throw). Sending is done by the job
/// named in <see cref="Definition"/> (zeebe:taskDefinition), as for a send task; <see cref="Message"/> is required
/// when catching and optional when sending.
/// </summary>
public sealed record MessageEventDefinition : EventDefinition
{
    public MessageDeclaration? Message { get; init; }

    public TaskDefinition? Definition { get; init; }
}
