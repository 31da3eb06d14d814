namespace CityOps.Flow.Web.Api.Cases;

/// <summary>
/// Where a posted report went: <c>opened</c> (201), <c>joined</c> an open case or <c>duplicate</c> of an earlier post (200).
/// <see cref="Case"/> is null when that case lies outside the caller's data scope.
/// </summary>
public sealed record IntakeAnswer(string Outcome, string CaseId, string CaseNumber, int ClusterSize, CaseView? Case);
