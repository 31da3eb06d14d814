namespace CityOps.Flow.Web.Api.Supervision;

/// <summary>The body of <c>POST /api/cases/{id}/supervision-notices</c>: what the lead department is told to do.</summary>
public sealed record NoticeRequest(string? Message);
