using CityOps.Flow.Engine.Runtime.Tasks;

namespace CityOps.Flow.Web.Api.Cases;

/// <summary>An open lifecycle task as an inbox lists it, with the case it belongs to and the actions it takes.</summary>
public sealed record CaseTaskView(
    Guid Id, string? CaseNumber, Guid InstanceId, string ElementId, string? Name, string? Assignee,
    IReadOnlyList<string> CandidateGroups, DateTimeOffset? DueDate, DateTimeOffset CreatedAt, IReadOnlyList<string> Actions)
{
    public static CaseTaskView Of(UserTaskRecord task, string? caseNumber) => new(
        task.Id, caseNumber, task.InstanceId, task.ElementId, task.Name, task.Assignee, task.CandidateGroups, task.DueDate,
        task.CreatedAt, CaseTaskAction.For(task.ElementId));
}
