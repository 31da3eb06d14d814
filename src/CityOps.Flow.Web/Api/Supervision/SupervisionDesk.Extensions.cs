using System.Security.Claims;
using System.Text.Json;
using CityOps.Flow.Cases.Audit;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;

namespace CityOps.Flow.Web.Api.Supervision;

public sealed partial class SupervisionDesk
{
    /// <summary>The lifecycle's user task where a supervisor decides an extension, and the group it is offered to.</summary>
    public const string DecideExtensionElement = "DecideExtension";
    public const string SupervisorsGroup = "supervisors";

    private const int ExtensionLimit = 200;

    /// <summary>The pending extension requests on cases in the caller's scope, oldest request first.</summary>
    public async Task<IReadOnlyList<ExtensionRequest>> ExtensionRequestsAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        await ExtensionRequestsAsync(await scopes.ForAsync(user, ct), await NamesAsync(ct), ct);

    /// <summary>
    /// Approves or denies an extension request by completing its <c>DecideExtension</c> task as the lifecycle expects
    /// (<c>extensionApproved</c>, <c>extensionDecisionReason</c>). On approval the lifecycle moves <c>dueAt</c> by the
    /// requested working time and the case record takes the new due time. A denial needs a reason.
    /// </summary>
    public async Task<SupervisionOutcome<ExtensionDecision>> DecideExtensionAsync(
        ClaimsPrincipal user, Guid taskId, string? outcome, string? reason, CancellationToken ct = default)
    {
        var scope = await scopes.ForAsync(user, ct);
        var request = (await ExtensionRequestsAsync(scope, await NamesAsync(ct), ct)).FirstOrDefault(r => r.TaskId == taskId);
        if (request is null)
        {
            return new SupervisionRefusal(StatusCodes.Status404NotFound, "Unknown extension request",
                $"No pending extension request '{taskId}' on a case you may see.");
        }

        if (!ExtensionRoles.Any(user.IsInRole))
        {
            return new SupervisionRefusal(StatusCodes.Status403Forbidden, "Not a supervisor",
                $"Extension requests of case {request.CaseNumber} are decided by the supervision office.");
        }

        var approve = outcome?.Trim().ToLowerInvariant() switch
        {
            "approve" => true,
            "deny" => (bool?)false,
            _ => null,
        };
        if (approve is null)
        {
            return SupervisionRefusal.Invalid("outcome", "must be approve or deny");
        }

        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (approve == false && text is null)
        {
            return SupervisionRefusal.Invalid("reason", "is required when denying: the department needs to know why");
        }

        var userId = UserId(user);
        var actor = user.Identity?.Name ?? userId;
        if (request.Assignee is { } holder && holder != userId)
        {
            return new SupervisionRefusal(StatusCodes.Status409Conflict, "Held by someone else",
                $"The extension request of case {request.CaseNumber} is held by '{holder}'.");
        }

        var claimed = engine.ClaimTask(taskId, userId, actor);
        if (!claimed.Succeeded)
        {
            return new SupervisionRefusal(StatusCodes.Status409Conflict, "Refused by the workflow", claimed.Error!);
        }

        var completed = engine.CompleteTask(taskId, new Dictionary<string, object?>
        {
            ["extensionApproved"] = approve.Value,
            ["extensionDecisionReason"] = text,
        }, actor);
        if (!completed.Succeeded)
        {
            return new SupervisionRefusal(StatusCodes.Status409Conflict, "Refused by the workflow", completed.Error!);
        }

        // On approval the lifecycle moved dueAt (business due from the old due time) and its case-due task wrote it onto the case.
        var dueAt = (await cases.GetAsync(request.CaseId, scope, ct))?.DueAt ?? request.DueAt;

        await audit.AppendAsync(new AuditEvent
        {
            ActorUserId = userId,
            ActorRoles = Roles(user),
            Action = approve.Value ? "case.extension_approved" : "case.extension_denied",
            SubjectType = "case",
            SubjectId = request.CaseId,
            DetailsJson = JsonSerializer.Serialize(new { taskId, number = request.CaseNumber, limit = request.Limit, reason = text, previousDueAt = request.DueAt, dueAt }, AuditJson),
        }, ct);
        logger.LogInformation(
            "Extension of case {CaseNumber} {Decision} by {UserId}; due {PreviousDueAt} -> {DueAt}",
            request.CaseNumber, approve.Value ? "approved" : "denied", userId, request.DueAt, dueAt);
        return new ExtensionDecision(request.CaseId, request.CaseNumber, taskId, approve.Value, text, request.DueAt, dueAt);
    }

    private async Task<IReadOnlyList<ExtensionRequest>> ExtensionRequestsAsync(DataScope scope, OrgNames names, CancellationToken ct)
    {
        var tasks = engine.QueryTasks(new TaskQuery { CandidateGroups = [SupervisorsGroup], Limit = ExtensionLimit }).Items
            .Where(t => t.ProcessId == CaseIntake.LifecycleProcessId && t.ElementId == DecideExtensionElement);
        var requests = new List<ExtensionRequest>();
        foreach (var task in tasks)
        {
            if (engine.FindInstance(task.InstanceId) is not { } state
                || !state.Variables.TryGetValue(ProcessInstanceState.RootTokenId, out var variables)
                || variables.GetValueOrDefault("caseId")?.ToString() is not { } caseId
                || await cases.GetAsync(caseId, scope, ct) is not { } found)
            {
                continue;
            }

            var asked = (await cases.GetEventsAsync(found.Id, scope, ct)).LastOrDefault(e => e.Kind == CaseEventKind.ExtensionRequested);
            var limit = variables.GetValueOrDefault("extensionLimit")?.ToString();
            var dueAt = Instant(variables.GetValueOrDefault("dueAt")) ?? found.DueAt;
            requests.Add(new ExtensionRequest
            {
                TaskId = task.Id,
                CaseId = found.Id,
                CaseNumber = found.Number,
                DepartmentId = found.LeadDepartmentId,
                DepartmentName = names.Department(found.LeadDepartmentId),
                Limit = limit,
                Reason = variables.GetValueOrDefault("extensionReason")?.ToString(),
                RequestedBy = asked?.Actor,
                RequestedAt = asked?.At ?? task.CreatedAt,
                DueAt = dueAt,
                ProposedDueAt = dueAt is { } due && TimeLimit.TryParse(limit, out var extra, out _) ? CaseDeadline.Due(calendar, due, extra).At : null,
                Assignee = task.Assignee,
            });
        }

        return [.. requests.OrderBy(r => r.RequestedAt)];
    }

    private static DateTimeOffset? Instant(object? value) => value switch
    {
        DateTimeOffset instant => instant,
        FeelDateTime { Instant: { } instant } => instant,
        string text when DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var parsed) => parsed,
        _ => null,
    };
}
