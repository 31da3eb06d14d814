namespace CityOps.Flow.Web.Api.Cases;

/// <summary>Where a posted report went: <c>opened</c> (201), <c>joined</c> an open case or <c>duplicate</c> of an earlier post (200).</summary>
public sealed record IntakeAnswer(string Outcome, string CaseId, string CaseNumber, int ClusterSize, CaseView Case);
