namespace CityOps.Flow.Web.Api.Supervision;

/// <summary>
/// The supervision board at <see cref="Now"/>, within the caller's scope: near-due and overdue counts by lead department
/// and by street, the matching cases (after the drill-down <see cref="Filter"/>), the latest escalations and the pending
/// extension requests.
/// </summary>
public sealed record SupervisionBoard
{
    public required DateTimeOffset Now { get; init; }

    public required BoardFilter Filter { get; init; }

    public required int NearDue { get; init; }

    public required int Overdue { get; init; }

    public required IReadOnlyList<DueCount> ByDepartment { get; init; }

    public required IReadOnlyList<DueCount> ByStreet { get; init; }

    /// <summary>Overdue first (longest over first), then near due (least time left first).</summary>
    public required IReadOnlyList<WatchedCase> Cases { get; init; }

    public required IReadOnlyList<NoticeView> Escalations { get; init; }

    public required IReadOnlyList<ExtensionRequest> Extensions { get; init; }
}
