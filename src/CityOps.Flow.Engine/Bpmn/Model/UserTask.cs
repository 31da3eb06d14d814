namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A task waiting for a person; assignment says who may do it.</summary>
public sealed record UserTask : Activity
{
    public required TaskAssignment Assignment { get; init; }

    public TaskSchedule? Schedule { get; init; }

    public FormReference? Form { get; init; }

    public IReadOnlyList<TaskHeader> Headers { get; init; } = [];
}
