namespace CityOps.Flow.Storage;

/// <summary>
/// Cases still open under a key (department, street ...), and how many of them are overdue: with their department
/// (dispatched, handling, joint handling) and past their due time, as <c>CaseDeadline.StateAt</c> judges it.
/// </summary>
public sealed record OpenCaseCount(string Key, int Open, int Overdue);
