namespace CityOps.Flow.Storage;

/// <summary>
/// Whose open tasks an inbox lists (assigned or offered to <see cref="UserId"/>, or offered to one of
/// <see cref="Groups"/>), of which process, and the filters on the task and its case that every listed task must meet.
/// </summary>
public sealed record WorklistCriteria
{
    public required string UserId { get; init; }

    public IReadOnlyList<string> Groups { get; init; } = [];

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
