namespace CityOps.Flow.Storage;

/// <summary>
/// Whose open tasks an inbox lists (assigned or offered to <see cref="UserId"/>, offered to one of <see cref="Groups"/>,
/// or offered to one of <see cref="AreaBoundGroups"/> on a case in <see cref="ScopeAreaIds"/>), of which process, and
/// the filters on the task and its case that every listed task must meet.
/// </summary>
public sealed record WorklistCriteria
{
    public required string UserId { get; init; }

    /// <summary>Groups whose tasks are the person's wherever the case lies (their department, the district centre).</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Groups spanning the district (supervisors, callback, triage): their tasks reach the person only on cases in <see cref="ScopeAreaIds"/>.</summary>
    public IReadOnlyList<string> AreaBoundGroups { get; init; } = [];

    /// <summary>The person's areas (street, community or grid ids), for <see cref="AreaBoundGroups"/>.</summary>
    public IReadOnlyList<string> ScopeAreaIds { get; init; } = [];

    public required string ProcessId { get; init; }

    /// <summary>Cases whose category code starts with this (a class takes in its subclasses).</summary>
    public string? CategoryPrefix { get; init; }

    /// <summary>Cases whose street, community or grid is one of these.</summary>
    public IReadOnlyList<string>? AreaIds { get; init; }

    /// <summary>Task priority (0–100) at least this.</summary>
    public int? MinPriority { get; init; }

    /// <summary>Task priority below this.</summary>
    public int? PriorityBelow { get; init; }

    /// <summary>Only tasks <see cref="UserId"/> holds.</summary>
    public bool HeldByUser { get; init; }

    public WorklistOrder Order { get; init; } = WorklistOrder.Due;
}
