using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Lifecycle;

namespace CityOps.Flow.Storage;

/// <summary>A stored case as the portal lists and shows it; the reporter appears only masked.</summary>
public sealed record CaseRecord
{
    public required string Id { get; init; }

    /// <summary>The number citizens and staff quote, e.g. <c>PJ-20261121-000123</c>.</summary>
    public required string Number { get; init; }

    public required string CategoryCode { get; init; }

    public string? StreetId { get; init; }

    public string? CommunityId { get; init; }

    public string? GridId { get; init; }

    /// <summary>The channel of the report that opened the case.</summary>
    public required Channel Channel { get; init; }

    public required Severity Severity { get; init; }

    public required CaseStatus Status { get; init; }

    /// <summary>How many reports the case stands for (多人一诉).</summary>
    public required int ClusterSize { get; init; }

    public string? LeadDepartmentId { get; init; }

    public string? ProcessInstanceId { get; init; }

    public string? Description { get; init; }

    public string? Address { get; init; }

    public GeoPoint? Point { get; init; }

    /// <summary>The reporter as anyone may see them: <c>张** 138****5678</c>; null when nobody is on record.</summary>
    public string? ReporterMasked { get; init; }

    public required bool IsKeyCase { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }
}
