namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A task waiting for a person; assignment says who may do it.</summary>
public sealed record UserTask : Activity
{
    public required TaskAssignment Assignment { get; init; }

    public TaskSchedule? Schedule { get; init; }

    public FormReference? Form { get; init; }

    /// <summary>zeebe:priorityDefinition priority: a literal 0-100 or an expression.</summary>
    public BpmnValue? Priority { get; init; }

    public IReadOnlyList<TaskHeader> Headers { get; init; } = [];
}
