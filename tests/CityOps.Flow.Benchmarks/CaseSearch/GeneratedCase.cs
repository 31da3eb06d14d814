namespace CityOps.Flow.Benchmarks.CaseSearch;

/// <summary>One generated case row, as intake and handling would have left it.</summary>
public sealed record GeneratedCase(
    long RowId,
    string CategoryCode,
    string StreetId,
    string CommunityId,
    string DepartmentId,
    string Description,
    string Address,
    DateTimeOffset OpenedAt,
    string Channel,
    string Status,
    DateTimeOffset DueAt,
    DateTimeOffset? ClosedAt,
    string ReporterName,
    string ReporterPhone)
{
    public string Id => "c-" + RowId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The workflow instance running the case, when the loader gives it one (open cases with inbox tasks).</summary>
    public string? ProcessInstanceId { get; init; }

    public string ReporterDisplay => ReporterName[..1] + "** " + ReporterPhone[..3] + "****" + ReporterPhone[^4..];
}
