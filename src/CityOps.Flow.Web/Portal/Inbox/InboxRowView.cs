using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Cases.Supervision;

namespace CityOps.Flow.Web.Portal.Inbox;

/// <summary>One inbox row, with every name already in the reader's language and times in the district's local time.</summary>
public sealed record InboxRowView
{
    public required Guid TaskId { get; init; }

    public required string CaseId { get; init; }

    public required string CaseNumber { get; init; }

    /// <summary>The lifecycle task (BPMN element id), e.g. <c>HandleCase</c>.</summary>
    public required string ElementId { get; init; }

    public required CaseStatus Status { get; init; }

    public required string CategoryName { get; init; }

    public string? AreaName { get; init; }

    public string? Address { get; init; }

    public string? Description { get; init; }

    public required DueState DueState { get; init; }

    /// <summary>The due time in the district's local time.</summary>
    public DateTime? DueLocal { get; init; }

    /// <summary>1 (urgent) to 4 (low).</summary>
    public required int PriorityLevel { get; init; }

    /// <summary>Who holds the task, when someone other than the reader does.</summary>
    public string? Holder { get; init; }

    public bool HeldByMe { get; init; }

    public bool IsKeyCase { get; init; }

    public int ClusterSize { get; init; } = 1;

    /// <summary>When the task arrived, in the district's local time.</summary>
    public required DateTime ArrivedLocal { get; init; }
}
