namespace CityOps.Flow.Web.Api.Cases;

/// <summary>The reporter in full, for calling them back; the reveal is in the audit log.</summary>
public sealed record RevealedReporter(string CaseId, string? Name, string? Phone);
