using System.Text.Json.Nodes;

namespace CityOps.Flow.Web.Api.Cases;

/// <summary>A report a leader files and assigns at once (领导交办件): the report as for intake, and the assignment.</summary>
public sealed record AssignedReportRequest(JsonObject? Report, string? Department, bool KeyCase = false, string? Note = null);
