namespace CityOps.Flow.Storage;

/// <summary>
/// Where an admitted report went, committed before anyone is told. <see cref="Replayed"/> marks a retry of a report
/// stored before (same channel and source id): nothing new was written, and the fields repeat the first answer.
/// </summary>
public sealed record AdmittedReport(long ReportId, IntakeDecision Decision, string CaseId, string CaseNumber, int ClusterSize, bool Replayed);
