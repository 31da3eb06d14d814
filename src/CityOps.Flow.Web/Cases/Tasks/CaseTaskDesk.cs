using System.Security.Claims;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Storage;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>
/// Where the case API and the portal's inbox take task actions: who may act on which task, finding a case through a
/// task offered to an assisting department, and taking claim, unclaim and the lifecycle's actions
/// (<see cref="CaseTaskAction"/>) so that the engine moves first and the case record then gets its event.
/// </summary>
public sealed class CaseTaskDesk(
    WorkflowEngine engine, IWorkflowStore store, CaseRepository repository, CaseScopes scopes, CityAreasSource areas,
    TaskGroups taskGroups, TimeProvider clock)
{
    private const int CaseTaskLimit = 200;

    public async Task<TaskActor> ActorAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "unknown";
        return new TaskActor(userId, user.Identity?.Name ?? userId, await taskGroups.ForAsync(user, ct), await scopes.ForAsync(user, ct));
    }

    public static bool MayAct(UserTaskRecord task, TaskActor actor) =>
        task.Assignee == actor.UserId || task.CandidateUsers.Contains(actor.UserId) || task.CandidateGroups.Any(actor.Groups.Contains);

    /// <summary>
    /// The case if the actor's data scope holds it, or if one of its open tasks is offered to the actor: an assisting
    /// department works on a case it does not lead. The scope returned is the one that found it.
    /// </summary>
    public async Task<(CaseRecord? Found, DataScope Scope)> FindCaseAsync(string caseId, TaskActor actor, CancellationToken ct = default)
    {
        if (await repository.GetAsync(caseId, actor.Scope, ct) is { } found)
        {
            return (found, actor.Scope);
        }

        var wide = (await areas.GetAsync(ct)).Everything;
        return await repository.GetAsync(caseId, wide, ct) is { } offered && OpenTasks(offered).Any(t => MayAct(t, actor))
            ? (offered, wide)
            : (null, actor.Scope);
    }

    /// <summary>An open task the actor may act on, with its case; null when the task is closed, unknown, not a case's or not theirs.</summary>
    public async Task<(UserTaskRecord Task, CaseRecord Case)?> FindTaskAsync(Guid taskId, TaskActor actor, CancellationToken ct = default)
    {
        if (store.FindTask(taskId) is not { } task || !MayAct(task, actor))
        {
            return null;
        }

        var cases = await repository.ListByProcessInstancesAsync([task.InstanceId.ToString()], ct);
        return cases.Count == 1 ? (task, cases[0]) : null;
    }

    /// <summary>The open tasks of the case's lifecycle instance, whoever they are offered to.</summary>
    public IReadOnlyList<UserTaskRecord> OpenTasks(CaseRecord found) =>
        Guid.TryParse(found.ProcessInstanceId, out var instanceId)
            ? engine.QueryTasks(new TaskQuery { InstanceId = instanceId, Limit = CaseTaskLimit }).Items
            : [];

    /// <summary>Takes <paramref name="action"/> on the case's task for the actor, checking scope, group, holder, the case's status and the request.</summary>
    public async Task<TaskActionOutcome> ActAsync(
        TaskActor actor, string caseId, Guid taskId, string action, TaskActionRequest body, CancellationToken ct = default)
    {
        var (found, scope) = await FindCaseAsync(caseId, actor, ct);
        if (found is null)
        {
            return TaskActionOutcome.Refused(TaskRefusalKind.UnknownCase, "Unknown case", $"No case '{caseId}' that you may see.");
        }

        if (OpenTasks(found).FirstOrDefault(t => t.Id == taskId) is not { } task)
        {
            return TaskActionOutcome.Refused(TaskRefusalKind.UnknownTask, "Unknown task", $"Case {found.Number} has no open task '{taskId}'.", found);
        }

        var name = task.Name ?? task.ElementId;
        if (!MayAct(task, actor))
        {
            return TaskActionOutcome.Refused(TaskRefusalKind.NotYourTask, "Not your task",
                $"Task '{name}' of case {found.Number} is offered to {string.Join(", ", task.CandidateGroups)}"
                + (task.Assignee is null ? "" : $" and held by '{task.Assignee}'")
                + $"; you act for {(actor.Groups.Count == 0 ? "no group" : string.Join(", ", actor.Groups))}.", found, task);
        }

        switch (action)
        {
            case CaseTaskAction.Claim:
                return Done(found, task, engine.ClaimTask(task.Id, actor.UserId, actor.Name).Error);
            case CaseTaskAction.Unclaim when task.Assignee != actor.UserId:
                return NotAllowed("Not held by you", $"Task '{name}' is held by '{task.Assignee ?? "nobody"}', not by you.", found, task);
            case CaseTaskAction.Unclaim:
                return Done(found, task, engine.UnclaimTask(task.Id, actor.Name).Error);
        }

        if (!CaseTaskAction.For(task.ElementId).Contains(action))
        {
            return NotAllowed("Not an action of this task",
                $"'{action}' does not apply to task '{name}'; it takes {string.Join(", ", CaseTaskAction.For(task.ElementId))}.", found, task);
        }

        var (plan, problems) = CaseTaskAction.Plan(action, body);
        if (plan is null)
        {
            return new TaskActionOutcome
            {
                Refusal = TaskRefusalKind.Invalid, Title = "The request is not valid", Case = found, Task = task, Problems = problems,
                Detail = string.Join("; ", problems.Select(p => $"{p.Key}: {string.Join(" ", p.Value)}")),
            };
        }

        // A case handed back to its department (sent back, extension decided, reopened) is taken up again without a new acceptance.
        var reTaken = action == CaseTaskAction.Accept && found.Status is CaseStatus.Handling or CaseStatus.JointHandling;
        if (plan.Command is { } command && CaseTransitions.Apply(found.Status, command) is { Accepted: false } transition && !reTaken)
        {
            return NotAllowed("Not allowed in this status", $"Case {found.Number}: {transition.Refusal}.", found, task);
        }

        if (task.Assignee is { } holder && holder != actor.UserId)
        {
            return NotAllowed("Held by someone else", $"Task '{name}' is held by '{holder}'.", found, task);
        }

        var claimed = engine.ClaimTask(task.Id, actor.UserId, actor.Name);
        if (!claimed.Succeeded)
        {
            return NotAllowed("Refused by the workflow", claimed.Error!, found, task);
        }

        if (plan.Variables is { } variables && engine.CompleteTask(task.Id, variables, actor.Name) is { Succeeded: false } completion)
        {
            return NotAllowed("Refused by the workflow", completion.Error!, found, task);
        }

        var now = clock.GetUtcNow();
        if (plan.Event is { } kind && !reTaken)
        {
            await AppendAsync(found, new CaseEvent(kind, now, actor.Name, plan.Note), ct);
        }

        var after = await repository.GetAsync(caseId, scope, ct) ?? found;
        if (action == CaseTaskAction.Callback && after.Status == CaseStatus.AwaitingCallback)
        {
            // Not closed by the workflow: the dissatisfied citizen reopened it and it is back with the lead department.
            await AppendAsync(found, new CaseEvent(CaseEventKind.CallbackDissatisfied, now, actor.Name, plan.Note), ct);
            await AppendAsync(found, new CaseEvent(CaseEventKind.Dispatched, now, actor.Name, found.LeadDepartmentId), ct);
            after = await repository.GetAsync(caseId, scope, ct) ?? found;
        }

        return new TaskActionOutcome { Case = after, Task = task };
    }

    private async Task AppendAsync(CaseRecord found, CaseEvent caseEvent, CancellationToken ct)
    {
        var outcome = await repository.AppendEventAsync(found.Id, caseEvent, ct);
        if (!outcome.Accepted)
        {
            // The engine already moved on; the record and the workflow disagree, which is a bug to see, not to hide.
            throw new InvalidOperationException($"case {found.Number}: {caseEvent.Kind} was not recorded: {outcome.Refusal}");
        }
    }

    private static TaskActionOutcome Done(CaseRecord found, UserTaskRecord task, string? error) =>
        error is null ? new TaskActionOutcome { Case = found, Task = task } : NotAllowed("Refused by the workflow", error, found, task);

    private static TaskActionOutcome NotAllowed(string title, string detail, CaseRecord found, UserTaskRecord task) =>
        TaskActionOutcome.Refused(TaskRefusalKind.NotAllowed, title, detail, found, task);
}
