namespace CityOps.Flow.Web.Api.Supervision;

/// <summary>The body of <c>POST /api/supervision/extensions/{taskId}</c>: <c>approve</c> or <c>deny</c> (a denial needs a reason).</summary>
public sealed record ExtensionDecisionRequest(string? Outcome, string? Reason);
