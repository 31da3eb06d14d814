using System.Security.Claims;

namespace CityOps.Flow.Web.Api.Supervision;

/// <summary>
/// The supervision API (督办): <c>GET /api/supervision/board</c> (near-due and overdue cases by department and street,
/// escalations, pending extension requests), <c>GET /api/supervision/notices</c>, <c>GET|POST
/// /api/cases/{id}/supervision-notices</c> and <c>GET|POST /api/supervision/extensions[/{taskId}]</c>. All within the
/// caller's data scope: a case or request outside it answers 404 like an unknown one. Refusals are problem details.
/// </summary>
public static class SupervisionEndpoints
{
    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder endpoints)
    {
        var supervision = endpoints.MapGroup("/api/supervision").RequireAuthorization().WithTags("Supervision")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        supervision.MapGet("/board", BoardAsync).WithName("SupervisionBoard")
            .RequireAuthorization(policy => policy.RequireRole(SupervisionDesk.BoardRoles))
            .WithSummary("Near-due and overdue cases (working time, district calendar) by lead department and street, the cases after the drill-down (department, street, state = nearDue|overdue), the latest escalations and the pending extension requests.")
            .Produces<SupervisionBoard>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        supervision.MapGet("/notices", NoticesAsync).WithName("SupervisionNotices")
            .WithSummary("Supervision notices and escalations on the cases the caller may see, newest first; a handling department sees those sent to it.")
            .Produces<IReadOnlyList<NoticeView>>();
        supervision.MapGet("/extensions", ExtensionsAsync).WithName("ExtensionRequests")
            .RequireAuthorization(policy => policy.RequireRole(SupervisionDesk.BoardRoles))
            .WithSummary("Pending extension requests (延期申请) on cases in the caller's scope, oldest first, with the due time an approval would give.")
            .Produces<IReadOnlyList<ExtensionRequest>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        supervision.MapPost("/extensions/{taskId:guid}", DecideAsync).WithName("DecideExtension")
            .RequireAuthorization(policy => policy.RequireRole(SupervisionDesk.ExtensionRoles))
            .WithSummary("Approve (the lifecycle moves the due time by the requested working time) or deny with a reason.")
            .Accepts<ExtensionDecisionRequest>("application/json")
            .Produces<ExtensionDecision>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var notices = endpoints.MapGroup("/api/cases/{id}/supervision-notices").RequireAuthorization().WithTags("Supervision")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        notices.MapGet("/", CaseNoticesAsync).WithName("CaseSupervisionNotices")
            .WithSummary("The case's supervision notices, newest first; 404 when the case is unknown or outside the caller's scope.")
            .Produces<IReadOnlyList<NoticeView>>();
        notices.MapPost("/", IssueAsync).WithName("IssueSupervisionNotice")
            .RequireAuthorization(policy => policy.RequireRole(SupervisionDesk.NoticeRoles))
            .WithSummary("A supervisor or leader issues a supervision notice (督办) to the case's lead department: recorded as a case event and a notice, and audited. 409 when the case is not being worked (e.g. closed).")
            .Accepts<NoticeRequest>("application/json")
            .Produces<IssuedNotice>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<IResult> BoardAsync(
        SupervisionDesk desk, ClaimsPrincipal user, string? department, string? street, string? state, CancellationToken ct)
    {
        var parsed = BoardFilter.ParseState(state);
        if (state is not null && parsed is null)
        {
            return SupervisionRefusal.Invalid("state", $"'{state}' is not a due state on the board; use nearDue or overdue").ToResult();
        }

        return Results.Ok(await desk.BoardAsync(user, new BoardFilter(department, street, parsed), ct));
    }

    private static async Task<IResult> NoticesAsync(SupervisionDesk desk, ClaimsPrincipal user, CancellationToken ct) =>
        Results.Ok(await desk.NoticesAsync(user, null, ct));

    private static async Task<IResult> CaseNoticesAsync(string id, SupervisionDesk desk, ClaimsPrincipal user, CancellationToken ct) =>
        await desk.FindCaseAsync(user, id, ct) is { } found
            ? Results.Ok(await desk.NoticesAsync(user, found.Id, ct))
            : SupervisionRefusal.UnknownCase(id).ToResult();

    private static async Task<IResult> IssueAsync(string id, NoticeRequest? body, SupervisionDesk desk, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await desk.IssueNoticeAsync(user, id, body?.Message, ct);
        return outcome.Succeeded
            ? Results.Created($"/api/cases/{outcome.Value.Notice.CaseId}/supervision-notices", outcome.Value)
            : outcome.Refusal.ToResult();
    }

    private static async Task<IResult> ExtensionsAsync(SupervisionDesk desk, ClaimsPrincipal user, CancellationToken ct) =>
        Results.Ok(await desk.ExtensionRequestsAsync(user, ct));

    private static async Task<IResult> DecideAsync(
        Guid taskId, ExtensionDecisionRequest? body, SupervisionDesk desk, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await desk.DecideExtensionAsync(user, taskId, body?.Outcome, body?.Reason, ct);
        return outcome.Succeeded ? Results.Ok(outcome.Value) : outcome.Refusal.ToResult();
    }
}
