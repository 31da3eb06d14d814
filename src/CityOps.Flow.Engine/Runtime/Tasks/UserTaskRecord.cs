namespace CityOps.Flow.Engine.Runtime.Tasks;

/// <summary>An open user task: what an inbox shows and what a person completes.</summary>
public sealed record UserTaskRecord
{
    public required Guid Id { get; init; }
    public required Guid InstanceId { get; init; }
    /// <summary>The token waiting at the task; completing the task moves this token on.</summary>
    public required long TokenId { get; init; }
    public required string ElementId { get; init; }
    public required string ProcessId { get; init; }
    public required int ProcessVersion { get; init; }
    public string? Name { get; init; }
    public string? Assignee { get; init; }
    public IReadOnlyList<string> CandidateGroups { get; init; } = [];
    public IReadOnlyList<string> CandidateUsers { get; init; } = [];
    public DateTimeOffset? DueDate { get; init; }
    public DateTimeOffset? FollowUpDate { get; init; }
    /// <summary>0–100 as in Zeebe; 50 when the model names none.</summary>
    public int Priority { get; init; } = 50;
    public string? FormKey { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
