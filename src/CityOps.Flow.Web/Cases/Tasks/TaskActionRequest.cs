namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>
/// The body of a task action; which fields count depends on the action: <c>reason</c> (return, extension, send back),
/// <c>department</c> (file: the lead department), <c>departments</c> (assistance; file: the assisting ones), <c>limit</c> (extension, an ISO duration in working time such as <c>PT4H</c> or
/// <c>P2D</c>), <c>result</c> (complete), <c>outcome</c> (review: accept | sendBack; decide: approve | deny; triage: valid | invalid; callback: satisfied |
/// basicallySatisfied | dissatisfied).
/// </summary>
public sealed record TaskActionRequest(
    string? Reason = null, IReadOnlyList<string>? Departments = null, string? Limit = null, string? Result = null, string? Outcome = null,
    string? Department = null);
