using CityOps.Flow.Cases.Lifecycle;

namespace CityOps.Flow.Cases.Reporting;

/// <summary>What reporting needs to know of one case: where it belongs, its milestones, and how its handling went.</summary>
public sealed record CaseFacts
{
    public required string CaseId { get; init; }

    public required string CategoryCode { get; init; }

    /// <summary>The street (or other area) the case is counted under.</summary>
    public required string AreaId { get; init; }

    /// <summary>The lead department; null before dispatch.</summary>
    public string? DepartmentId { get; init; }

    public required DateTimeOffset ReportedAt { get; init; }

    public DateTimeOffset? FirstDispatchedAt { get; init; }

    /// <summary>The due time from the time limit on the working-time calendar; null when no limit applies.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>When the department last reported it done.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public int DispatchCount { get; init; }

    public int ReturnCount { get; init; }

    public int SendBackCount { get; init; }

    public int ReopenCount { get; init; }

    public bool? CitizenSatisfied { get; init; }

    /// <summary>Routed by the table straight to the department, not by a dispatcher.</summary>
    public bool AutoDispatched { get; init; }

    public bool IsClosed => ClosedAt is not null;

    /// <summary>Facts for a case from its projected history and what the projection does not hold.</summary>
    public static CaseFacts From(string caseId, string categoryCode, string areaId, string? departmentId, DateTimeOffset? dueAt,
        bool autoDispatched, CaseProjection projection) => new()
    {
        CaseId = caseId,
        CategoryCode = categoryCode,
        AreaId = areaId,
        DepartmentId = departmentId,
        ReportedAt = projection.ReportedAt,
        FirstDispatchedAt = projection.FirstDispatchedAt,
        DueAt = dueAt,
        CompletedAt = projection.LastCompletedAt,
        ClosedAt = projection.ClosedAt,
        DispatchCount = projection.DispatchCount,
        ReturnCount = projection.ReturnCount,
        SendBackCount = projection.SendBackCount,
        ReopenCount = projection.ReopenCount,
        CitizenSatisfied = projection.CitizenSatisfied,
        AutoDispatched = autoDispatched,
    };
}
