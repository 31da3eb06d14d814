using CityOps.Flow.Web.Cases.Tasks;

namespace CityOps.Flow.Web.Api.Cases;

/// <summary>
/// An open lifecycle task as an inbox lists it, with the case it belongs to, the actions it takes, where it stands
/// against its limit in working time (<c>None</c>, <c>OnTime</c>, <c>NearDue</c>, <c>Overdue</c>) and its priority
/// level (1 highest … 4).
/// </summary>
public sealed record CaseTaskView(
    Guid Id, string? CaseNumber, Guid InstanceId, string ElementId, string? Name, string? Assignee,
    IReadOnlyList<string> CandidateGroups, DateTimeOffset? DueDate, DateTimeOffset CreatedAt, IReadOnlyList<string> Actions,
    string CaseId, string CategoryCode, string? StreetId, string? CommunityId, string DueState, int Priority)
{
    public static CaseTaskView Of(WorklistItem item) => new(
        item.Task.Id, item.Case.Number, item.Task.InstanceId, item.Task.ElementId, item.Task.Name, item.Task.Assignee,
        item.Task.CandidateGroups, item.Task.DueDate, item.Task.CreatedAt, item.Actions, item.Case.Id,
        item.Case.CategoryCode, item.Case.StreetId, item.Case.CommunityId, item.DueState.ToString(), item.PriorityLevel);
}
