namespace CityOps.Flow.Cases.Lifecycle;

/// <summary>
/// A case's current state folded from its events: the status and the facts reporting needs. When an event does not
/// fit (the history is corrupt or out of order) <see cref="Problem"/> names it and the state stops before it.
/// </summary>
public sealed record CaseProjection
{
    public required CaseStatus Status { get; init; }

    public required DateTimeOffset ReportedAt { get; init; }

    public DateTimeOffset? FiledAt { get; init; }

    public DateTimeOffset? FirstDispatchedAt { get; init; }

    /// <summary>The latest dispatch: the time a misrouted return is measured from.</summary>
    public DateTimeOffset? LastDispatchedAt { get; init; }

    public DateTimeOffset? LastCompletedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>How often it went to a department: 1 for a case routed right the first time.</summary>
    public int DispatchCount { get; init; }

    public int ReturnCount { get; init; }

    public int SendBackCount { get; init; }

    public int ReopenCount { get; init; }

    public int AssistanceRequestCount { get; init; }

    public int ExtensionRequestCount { get; init; }

    /// <summary>Reports intake clustered into the case after the first (多人一诉).</summary>
    public int JoinedReportCount { get; init; }

    /// <summary>True, false, or null when nobody was called back.</summary>
    public bool? CitizenSatisfied { get; init; }

    public int EventCount { get; init; }

    public string? Problem { get; init; }
}
