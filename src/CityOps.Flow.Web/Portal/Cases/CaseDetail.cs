using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Portal.Cases;

/// <summary>Everything the case page shows, read within the caller's scope.</summary>
public sealed record CaseDetail
{
    public required CaseRecord Case { get; init; }

    public required DueState DueState { get; init; }

    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }

    public required IReadOnlyList<CaseReportRecord> Reports { get; init; }

    public required IReadOnlyList<CaseTaskLine> OpenTasks { get; init; }

    public required IReadOnlyList<CaseTaskLine> FinishedTasks { get; init; }

    public required IReadOnlyList<SupervisionNotice> Notices { get; init; }

    /// <summary>Photos stored with the case (from intake or handling), oldest first.</summary>
    public required IReadOnlyList<AttachmentRecord> Photos { get; init; }

    /// <summary>Null when the case has no workflow instance (or its version is no longer stored).</summary>
    public CaseDiagramState? Diagram { get; init; }

    /// <summary>Display names of the users named in the timeline and tasks.</summary>
    public required IReadOnlyDictionary<string, string> ActorNames { get; init; }

    /// <summary>Whether the reader may reveal the reporter's full name and phone (audited).</summary>
    public required bool MayRevealReporter { get; init; }
}
