using System.Security.Claims;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;

namespace CityOps.Flow.Web.Api.Cases;

/// <summary>
/// The handling departments', dispatchers', supervisors' and operators' work on cases: <c>GET /api/tasks</c> (tasks
/// assigned or offered to the caller and tasks offered to the caller's groups, see <see cref="TaskGroups"/>),
/// <c>GET /api/cases/{id}/tasks</c> (the caller's tasks on one case; an assisting department reaches a case it does not lead through its task) and
/// <c>POST /api/cases/{id}/tasks/{taskId}/{action}</c> with the actions of <see cref="CaseTaskAction"/>. A case outside
/// the caller's scope answers 404, a task offered to other groups 403, an action the case's status or the task does
/// not allow 409, a missing field 400; each as problem details saying why. After the engine took the action the
/// case record gets its event, so the case's status follows the workflow.
/// </summary>
public static class CaseTaskEndpoints
{
    private const int InboxLimit = 200;

    public static IEndpointRouteBuilder MapCaseTaskApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/tasks", InboxAsync).RequireAuthorization().WithTags("Cases").WithName("MyTasks")
            .WithSummary("The caller's open case tasks: assigned to them, offered to them, or offered to one of their groups; earliest due first.")
            .Produces<IReadOnlyList<CaseTaskView>>();
        var tasks = endpoints.MapGroup("/api/cases/{id}/tasks").RequireAuthorization().WithTags("Cases")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapGet("/", CaseInboxAsync).WithName("CaseTasks")
            .WithSummary("The case's open tasks the caller may act on; 404 when the case is unknown or outside the caller's scope.")
            .Produces<IReadOnlyList<CaseTaskView>>();
        tasks.MapPost("/{taskId:guid}/{action}", ActAsync).WithName("ActOnCaseTask")
            .WithSummary("claim, unclaim, accept, return {reason}, assistance {departments}, extension {reason, limit}, complete {result}, review {outcome: accept|sendBack, reason}, file {department, departments}, decide {outcome: approve|deny, reason}, triage {outcome: valid|invalid, reason}, assisted {result}, callback {outcome: satisfied|basicallySatisfied|dissatisfied}.")
            .Accepts<TaskActionRequest>("application/json")
            .Produces<TaskActionAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<IResult> InboxAsync(WorkflowEngine engine, UserRepository users, CityAreasSource areas, ClaimsPrincipal user, HttpContext context)
    {
        var groups = await new TaskGroups(users, areas).ForAsync(user, context.RequestAborted);
        var userId = UserId(user);
        var found = new List<UserTaskRecord>(engine.QueryTasks(new TaskQuery { CandidateUser = userId, Limit = InboxLimit }).Items);
        if (groups.Count > 0)
        {
            found.AddRange(engine.QueryTasks(new TaskQuery { CandidateGroups = groups, Limit = InboxLimit }).Items);
        }

        var views = found
            .Where(t => t.ProcessId == CaseIntake.LifecycleProcessId)
            .DistinctBy(t => t.Id)
            .OrderBy(t => t.DueDate ?? DateTimeOffset.MaxValue)
            .ThenBy(t => t.CreatedAt)
            .Select(t => CaseTaskView.Of(t, CaseNumber(engine, t.InstanceId)))
            .ToList();
        return Results.Ok(views);
    }

    private static async Task<IResult> CaseInboxAsync(
        string id, CaseRepository repository, CaseScopes scopes, UserRepository users, CityAreasSource areas, WorkflowEngine engine, ClaimsPrincipal user, HttpContext context)
    {
        var ct = context.RequestAborted;
        var groups = await new TaskGroups(users, areas).ForAsync(user, ct);
        if ((await FindAsync(id, repository, scopes, areas, engine, user, groups, ct)).Found is not { } found)
        {
            return UnknownCase(id);
        }

        return Results.Ok(OpenTasks(engine, found)
            .Where(t => MayAct(t, groups, UserId(user)))
            .Select(t => CaseTaskView.Of(t, found.Number))
            .ToList());
    }

    private static async Task<IResult> ActAsync(
        string id, Guid taskId, string action, TaskActionRequest? body, CaseRepository repository, CaseScopes scopes,
        UserRepository users, CityAreasSource areas, WorkflowEngine engine, TimeProvider clock, ClaimsPrincipal user, HttpContext context)
    {
        var ct = context.RequestAborted;
        var groups = await new TaskGroups(users, areas).ForAsync(user, ct);
        var (found, scope) = await FindAsync(id, repository, scopes, areas, engine, user, groups, ct);
        if (found is null)
        {
            return UnknownCase(id);
        }

        if (OpenTasks(engine, found).FirstOrDefault(t => t.Id == taskId) is not { } task)
        {
            return Refused(StatusCodes.Status404NotFound, "Unknown task", $"Case {found.Number} has no open task '{taskId}'.");
        }

        var userId = UserId(user);
        if (!MayAct(task, groups, userId))
        {
            return Refused(StatusCodes.Status403Forbidden, "Not your task",
                $"Task '{task.Name ?? task.ElementId}' of case {found.Number} is offered to {string.Join(", ", task.CandidateGroups)}"
                + (task.Assignee is null ? "" : $" and held by '{task.Assignee}'")
                + $"; you act for {(groups.Count == 0 ? "no group" : string.Join(", ", groups))}.");
        }

        var actor = user.Identity?.Name ?? userId;
        switch (action)
        {
            case CaseTaskAction.Claim:
                return Done(found, task, action, engine.ClaimTask(task.Id, userId, actor).Error);
            case CaseTaskAction.Unclaim when task.Assignee != userId:
                return Refused(StatusCodes.Status409Conflict, "Not held by you", $"Task '{task.Name ?? task.ElementId}' is held by '{task.Assignee ?? "nobody"}', not by you.");
            case CaseTaskAction.Unclaim:
                return Done(found, task, action, engine.UnclaimTask(task.Id, actor).Error);
        }

        if (!CaseTaskAction.For(task.ElementId).Contains(action))
        {
            return Refused(StatusCodes.Status409Conflict, "Not an action of this task",
                $"'{action}' does not apply to task '{task.Name ?? task.ElementId}'; it takes {string.Join(", ", CaseTaskAction.For(task.ElementId))}.");
        }

        var (plan, problems) = CaseTaskAction.Plan(action, body ?? new TaskActionRequest());
        if (plan is null)
        {
            return Results.ValidationProblem(problems, title: "The request is not valid",
                detail: string.Join("; ", problems.Select(p => $"{p.Key}: {string.Join(" ", p.Value)}")));
        }

        // A case handed back to its department (sent back, extension decided, reopened) is taken up again without a new acceptance.
        var reTaken = action == CaseTaskAction.Accept && found.Status is CaseStatus.Handling or CaseStatus.JointHandling;
        if (plan.Command is { } command && CaseTransitions.Apply(found.Status, command) is { Accepted: false } transition && !reTaken)
        {
            return Refused(StatusCodes.Status409Conflict, "Not allowed in this status", $"Case {found.Number}: {transition.Refusal}.");
        }

        if (task.Assignee is { } holder && holder != userId)
        {
            return Refused(StatusCodes.Status409Conflict, "Held by someone else", $"Task '{task.Name ?? task.ElementId}' is held by '{holder}'.");
        }

        var claimed = engine.ClaimTask(task.Id, userId, actor);
        if (!claimed.Succeeded)
        {
            return Refused(StatusCodes.Status409Conflict, "Refused by the workflow", claimed.Error!);
        }

        if (plan.Variables is { } variables && engine.CompleteTask(task.Id, variables, actor) is { Succeeded: false } completion)
        {
            return Refused(StatusCodes.Status409Conflict, "Refused by the workflow", completion.Error!);
        }

        var now = clock.GetUtcNow();
        if (plan.Event is { } kind && !reTaken)
        {
            await AppendAsync(repository, found, new CaseEvent(kind, now, actor, plan.Note), ct);
        }

        var after = await repository.GetAsync(id, scope, ct) ?? found;
        if (action == CaseTaskAction.Callback && after.Status == CaseStatus.AwaitingCallback)
        {
            // Not closed by the workflow: the dissatisfied citizen reopened it and it is back with the lead department.
            await AppendAsync(repository, found, new CaseEvent(CaseEventKind.CallbackDissatisfied, now, actor, plan.Note), ct);
            await AppendAsync(repository, found, new CaseEvent(CaseEventKind.Dispatched, now, actor, found.LeadDepartmentId), ct);
            after = await repository.GetAsync(id, scope, ct) ?? found;
        }

        return Done(after, task, action, null);
    }

    /// <summary>
    /// The case if the caller's data scope holds it, or if one of its open tasks is offered to the caller: an assisting
    /// department works on a case it does not lead.
    /// </summary>
    private static async Task<(CaseRecord? Found, DataScope Scope)> FindAsync(
        string id, CaseRepository repository, CaseScopes scopes, CityAreasSource areas, WorkflowEngine engine,
        ClaimsPrincipal user, IReadOnlyList<string> groups, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        if (await repository.GetAsync(id, scope, ct) is { } found)
        {
            return (found, scope);
        }

        var wide = new DataScope((await areas.GetAsync(ct)).Everything.AreaIds, []);
        return await repository.GetAsync(id, wide, ct) is { } offered && OpenTasks(engine, offered).Any(t => MayAct(t, groups, UserId(user)))
            ? (offered, wide)
            : (null, scope);
    }

    private static async Task AppendAsync(CaseRepository repository, CaseRecord found, CaseEvent caseEvent, CancellationToken ct)
    {
        var outcome = await repository.AppendEventAsync(found.Id, caseEvent, ct);
        if (!outcome.Accepted)
        {
            // The engine already moved on; the record and the workflow disagree, which is a bug to see, not to hide.
            throw new InvalidOperationException($"case {found.Number}: {caseEvent.Kind} was not recorded: {outcome.Refusal}");
        }
    }

    private static IEnumerable<UserTaskRecord> OpenTasks(WorkflowEngine engine, CaseRecord found) =>
        Guid.TryParse(found.ProcessInstanceId, out var instanceId)
            ? engine.QueryTasks(new TaskQuery { InstanceId = instanceId, Limit = InboxLimit }).Items
            : [];

    private static bool MayAct(UserTaskRecord task, IReadOnlyList<string> groups, string userId) =>
        task.Assignee == userId || task.CandidateUsers.Contains(userId) || task.CandidateGroups.Any(groups.Contains);

    private static string? CaseNumber(WorkflowEngine engine, Guid instanceId) =>
        engine.FindInstance(instanceId) is { } state
        && state.Variables.TryGetValue(ProcessInstanceState.RootTokenId, out var root)
            ? root.GetValueOrDefault("caseNumber")?.ToString()
            : null;

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "unknown";

    private static IResult Done(CaseRecord found, UserTaskRecord task, string action, string? error) =>
        error is null
            ? Results.Ok(new TaskActionAnswer(found.Id, found.Number, task.Id, action, found.Status.ToString()))
            : Refused(StatusCodes.Status409Conflict, "Refused by the workflow", error);

    private static IResult Refused(int status, string title, string detail) => Results.Problem(detail, statusCode: status, title: title);

    private static IResult UnknownCase(string id) =>
        Results.Problem($"No case '{id}' that you may see.", statusCode: StatusCodes.Status404NotFound, title: "Unknown case");
}
