namespace CityOps.Flow.Web.Api.Supervision;

/// <summary>The answer to deciding an extension request: the case's due time before and after.</summary>
public sealed record ExtensionDecision(string CaseId, string CaseNumber, Guid TaskId, bool Approved, string? Reason, DateTimeOffset? PreviousDueAt, DateTimeOffset? DueAt);
