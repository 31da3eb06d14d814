namespace CityOps.Flow.Replay311;

/// <summary>One request as replayed: what was sent and what intake answered (outcome and case, or the refusal).</summary>
public sealed record ReplayedReport(
    string SrNumber,
    string CategoryCode,
    double? Latitude,
    double? Longitude,
    DateTimeOffset OccurredAt,
    int Status,
    string? Outcome,
    string? CaseId,
    string? Refusal);
