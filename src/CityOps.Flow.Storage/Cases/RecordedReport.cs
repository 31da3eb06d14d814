namespace CityOps.Flow.Storage;

/// <summary>
/// A report as storage holds it after <see cref="CaseRepository.RecordReportAsync"/>: <see cref="Created"/> is false
/// for a retry of a report already recorded, which then carries the case it went to (if any).
/// </summary>
public sealed record RecordedReport(long ReportId, bool Created, string? CaseId);
