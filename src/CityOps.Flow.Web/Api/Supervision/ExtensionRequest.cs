namespace CityOps.Flow.Web.Api.Supervision;

/// <summary>A department's pending request for more time (延期申请), waiting for a supervisor's decision.</summary>
public sealed record ExtensionRequest
{
    /// <summary>The lifecycle's <c>DecideExtension</c> task; the decision completes it.</summary>
    public required Guid TaskId { get; init; }

    public required string CaseId { get; init; }

    public required string CaseNumber { get; init; }

    public string? DepartmentId { get; init; }

    public string? DepartmentName { get; init; }

    /// <summary>The extra working time asked for: <c>PT4H</c>, <c>P2D</c>.</summary>
    public string? Limit { get; init; }

    public string? Reason { get; init; }

    public string? RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The due time if the request is approved, counted in working time from the current due time.</summary>
    public DateTimeOffset? ProposedDueAt { get; init; }

    /// <summary>The supervisor holding the task, if one claimed it.</summary>
    public string? Assignee { get; init; }
}
