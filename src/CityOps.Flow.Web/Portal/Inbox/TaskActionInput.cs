using CityOps.Flow.Web.Cases.Tasks;

namespace CityOps.Flow.Web.Portal.Inbox;

/// <summary>What one action form of the task page posted, kept to show again when it needs correcting.</summary>
public sealed record TaskActionInput
{
    public string? Reason { get; init; }

    public string? Result { get; init; }

    public string? Limit { get; init; }

    public string? Outcome { get; init; }

    public string? Department { get; init; }

    public IReadOnlyList<string> Departments { get; init; } = [];

    public static TaskActionInput From(IFormCollection form) => new()
    {
        Reason = form["reason"].FirstOrDefault(),
        Result = form["result"].FirstOrDefault(),
        Limit = form["limit"].FirstOrDefault(),
        Outcome = form["outcome"].FirstOrDefault(),
        Department = form["department"].FirstOrDefault(),
        Departments = form["departments"].Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d!).ToList(),
    };

    /// <summary>The request the action takes; empty fields are left out so the action names what is missing.</summary>
    public TaskActionRequest ToRequest() => new(
        Blank(Reason), Departments.Count == 0 ? null : Departments, Blank(Limit), Blank(Result), Blank(Outcome), Blank(Department));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
