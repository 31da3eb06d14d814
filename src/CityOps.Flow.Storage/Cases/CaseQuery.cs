using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Lifecycle;

namespace CityOps.Flow.Storage;

/// <summary>
/// A case search; every criterion is optional and they all apply together. <see cref="Keyword"/> matches any part of
/// the description or address (Chinese text of two or more characters, Latin words whole) or a case number exactly.
/// </summary>
public sealed record CaseQuery
{
    /// <summary>Cases in this area, whether it is the case's street, community or grid.</summary>
    public string? AreaId { get; init; }

    /// <summary>Opened at or after.</summary>
    public DateTimeOffset? OpenedFrom { get; init; }

    /// <summary>Opened before.</summary>
    public DateTimeOffset? OpenedTo { get; init; }

    public string? Keyword { get; init; }

    public string? CategoryCode { get; init; }

    public CaseStatus? Status { get; init; }

    public Channel? Channel { get; init; }

    public string? DepartmentId { get; init; }
}
