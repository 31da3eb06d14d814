namespace CityOps.Flow.Web.Api.Cases;

/// <summary>Marks a case as key (重点), adding the calling leader to every later notice, or clears the mark.</summary>
public sealed record KeyCaseRequest(bool Key = true, string? Note = null);
