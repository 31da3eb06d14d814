using System.Security.Claims;
using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Web.Cases.Tasks;
using Microsoft.AspNetCore.WebUtilities;

namespace CityOps.Flow.Web.Api.Cases;

/// <summary>
/// The handling departments', dispatchers', supervisors' and operators' work on cases: <c>GET /api/tasks</c> (tasks
/// assigned or offered to the caller and tasks offered to the caller's groups, see <see cref="TaskGroups"/>; filtered,
/// sorted and paged by <see cref="CaseWorklist"/>), <c>GET /api/cases/{id}/tasks</c> (the caller's tasks on one case;
/// an assisting department reaches a case it does not lead through its task) and
/// <c>POST /api/cases/{id}/tasks/{taskId}/{action}</c> with the actions of <see cref="CaseTaskAction"/>, taken by
/// <see cref="CaseTaskDesk"/>. A case outside the caller's scope answers 404, a task offered to other groups 403, an
/// action the case's status or the task does not allow 409, a missing field 400; each as problem details saying why.
/// </summary>
public static class CaseTaskEndpoints
{
    public const string TotalCountHeader = "X-Total-Count";

    public static IEndpointRouteBuilder MapCaseTaskApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/tasks", InboxAsync).RequireAuthorization().WithTags("Cases").WithName("MyTasks")
            .WithSummary("The caller's open case tasks: assigned to them, offered to them, or offered to one of their groups. "
                + "Filters: dueState (OnTime|NearDue|Overdue|None), category (a code; a class takes its subclasses), area (an area id and below), "
                + "priority (1-4), mine (true: only tasks the caller holds). sort: due (default: overdue first, then earliest due), priority, newest, oldest. "
                + "Paged by offset and limit (default 100, at most 500): the total is in X-Total-Count and the next and previous pages in Link.")
            .Produces<IReadOnlyList<CaseTaskView>>()
            .ProducesValidationProblem();
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

    private static async Task<IResult> InboxAsync(
        CaseTaskDesk desk, CaseWorklist worklist, ClaimsPrincipal user, HttpContext context,
        string? dueState, string? category, string? area, int? priority, bool? mine, string? sort, int? offset, int? limit)
    {
        var problems = new Dictionary<string, string[]>();
        DueState? due = null;
        if (dueState is { Length: > 0 })
        {
            if (Enum.TryParse<DueState>(dueState, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                due = parsed;
            }
            else
            {
                problems["dueState"] = ["must be OnTime, NearDue, Overdue or None"];
            }
        }

        var order = WorklistSort.Due;
        if (sort is { Length: > 0 } && !(Enum.TryParse(sort, ignoreCase: true, out order) && Enum.IsDefined(order)))
        {
            problems["sort"] = ["must be due, priority, newest or oldest"];
        }

        if (priority is < TaskPriority.Highest or > TaskPriority.Lowest)
        {
            problems["priority"] = ["must be 1 (highest) to 4"];
        }

        if (offset is < 0)
        {
            problems["offset"] = ["must be 0 or more"];
        }

        if (limit is < 1 or > WorklistQuery.MaxLimit)
        {
            problems["limit"] = [$"must be 1 to {WorklistQuery.MaxLimit}"];
        }

        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems, title: "The query is not valid",
                detail: string.Join("; ", problems.Select(p => $"{p.Key}: {string.Join(" ", p.Value)}")));
        }

        var actor = await desk.ActorAsync(user, context.RequestAborted);
        var page = await worklist.QueryAsync(actor, new WorklistQuery
        {
            DueState = due, CategoryCode = category, AreaId = area, Priority = priority, HeldByMe = mine == true, Sort = order,
            Offset = offset ?? 0, Limit = limit ?? 100,
        }, context.RequestAborted);
        context.Response.Headers[TotalCountHeader] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var links = new List<string>();
        if (page.HasNext)
        {
            links.Add($"<{PageUrl(context.Request, page.Offset + page.Limit, page.Limit)}>; rel=\"next\"");
        }

        if (page.HasPrevious)
        {
            links.Add($"<{PageUrl(context.Request, Math.Max(0, page.Offset - page.Limit), page.Limit)}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers.Link = string.Join(", ", links);
        }

        return Results.Ok(page.Items.Select(CaseTaskView.Of).ToList());
    }

    private static async Task<IResult> CaseInboxAsync(string id, CaseTaskDesk desk, CaseWorklist worklist, TimeProvider clock, ClaimsPrincipal user, HttpContext context)
    {
        var ct = context.RequestAborted;
        var actor = await desk.ActorAsync(user, ct);
        if ((await desk.FindCaseAsync(id, actor, ct)).Found is not { } found)
        {
            return UnknownCase(id);
        }

        var now = clock.GetUtcNow();
        return Results.Ok(desk.OpenTasks(found)
            .Where(t => CaseTaskDesk.MayAct(t, actor))
            .Select(t => CaseTaskView.Of(worklist.Describe(t, found, now)))
            .ToList());
    }

    private static async Task<IResult> ActAsync(
        string id, Guid taskId, string action, TaskActionRequest? body, CaseTaskDesk desk, ClaimsPrincipal user, HttpContext context)
    {
        var actor = await desk.ActorAsync(user, context.RequestAborted);
        var outcome = await desk.ActAsync(actor, id, taskId, action, body ?? new TaskActionRequest(), context.RequestAborted);
        return outcome.Refusal switch
        {
            null => Results.Ok(new TaskActionAnswer(outcome.Case!.Id, outcome.Case.Number, taskId, action, outcome.Case.Status.ToString())),
            TaskRefusalKind.Invalid => Results.ValidationProblem(outcome.Problems, title: outcome.Title, detail: outcome.Detail),
            TaskRefusalKind.UnknownCase or TaskRefusalKind.UnknownTask => Results.Problem(outcome.Detail, statusCode: StatusCodes.Status404NotFound, title: outcome.Title),
            TaskRefusalKind.NotYourTask => Results.Problem(outcome.Detail, statusCode: StatusCodes.Status403Forbidden, title: outcome.Title),
            _ => Results.Problem(outcome.Detail, statusCode: StatusCodes.Status409Conflict, title: outcome.Title),
        };
    }

    private static string PageUrl(HttpRequest request, int offset, int limit)
    {
        var query = request.Query.Where(q => q.Key is not ("offset" or "limit"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }

    private static IResult UnknownCase(string id) =>
        Results.Problem($"No case '{id}' that you may see.", statusCode: StatusCodes.Status404NotFound, title: "Unknown case");
}
