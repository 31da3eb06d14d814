namespace CityOps.Flow.Web.Api.Cases;

/// <summary>A leader's assignment (交办): the department that is to lead the case; <see cref="KeyCase"/> also marks it as key (重点).</summary>
public sealed record AssignmentRequest(string? Department, bool KeyCase = false, string? Note = null);
