namespace CityOps.Flow.Web.Tests.Supervision;

/// <summary>A case a test filed: its id, number, lead department and due time as intake answered.</summary>
public sealed record FiledCase(string Id, string Number, string LeadDepartment, DateTimeOffset DueAt);
