using CityOps.Flow.Cases.Catalog;

namespace CityOps.Flow.Storage;

/// <summary>
/// What intake and routing decided when a report opens a case; category, channel, place, text and reporter are
/// taken from the stored report.
/// </summary>
public sealed record CaseOpening
{
    /// <summary>The case id chosen for the new case (the case number is allocated by storage).</summary>
    public required string CaseId { get; init; }

    public string? StreetId { get; init; }

    public string? CommunityId { get; init; }

    public string? GridId { get; init; }

    public required Severity Severity { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public string? LeadDepartmentId { get; init; }

    public string? ProcessInstanceId { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    /// <summary>A key case (重点案件) a leader follows personally.</summary>
    public bool IsKeyCase { get; init; }

    /// <summary>Routed by the table straight to the department, not by a dispatcher.</summary>
    public bool AutoDispatched { get; init; }
}
