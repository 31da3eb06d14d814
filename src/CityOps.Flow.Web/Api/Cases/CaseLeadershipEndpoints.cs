using System.Security.Claims;
using System.Text.Json;
using CityOps.Flow.Cases.Audit;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;
using CityOps.Flow.Web.Identity;

namespace CityOps.Flow.Web.Api.Cases;

/// <summary>
/// A leader's commands on cases: assignment (交办) of a case in scope to a department, <c>POST /api/cases/{id}/assignment</c>;
/// the key-case mark (重点), <c>POST /api/cases/{id}/key</c>; and a report filed and assigned at once,
/// <c>POST /api/intake/assignments</c>. Each is checked against the case status machine (a refusal says why), moves
/// the lifecycle instance, records a case event and writes the audit log.
/// </summary>
public static class CaseLeadershipEndpoints
{
    /// <summary>The audit action of a key-case mark set or cleared; the case's status does not change, so it is no case event.</summary>
    public const string KeyCaseAction = "case.key_case_marked";

    public static IEndpointRouteBuilder MapCaseLeadershipApi(this IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapGroup("/api/cases/{id}")
            .RequireAuthorization(policy => policy.RequireRole(CityRoles.Leader))
            .WithTags("Cases")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/assignment", AssignAsync).WithName("AssignCase")
            .WithSummary("A leader assigns the case to a department (交办), wherever it waits before its result is in; keyCase also marks it as key.")
            .Accepts<AssignmentRequest>("application/json")
            .Produces<CaseView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("/key", FlagAsync).WithName("FlagKeyCase")
            .WithSummary("A leader marks the case as key (重点) and is told of every later notice on it, or clears the mark (key: false).")
            .Accepts<KeyCaseRequest>("application/json")
            .Produces<CaseView>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        endpoints.MapPost("/api/intake/assignments", FileAssignedAsync)
            .RequireAuthorization(policy => policy.RequireRole(CityRoles.Leader))
            .WithTags("Intake")
            .WithName("FileAssignedReport")
            .WithSummary("A leader files a report and assigns its case to a department at once (领导交办件); keyCase also marks it as key.")
            .Accepts<AssignedReportRequest>("application/json")
            .Produces<IntakeAnswer>(StatusCodes.Status201Created)
            .Produces<IntakeAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<IResult> AssignAsync(
        string id, AssignmentRequest body, CaseRepository repository, CaseScopes scopes, OrgRepository org, WorkflowEngine engine,
        IAuditLog audit, TimeProvider clock, ClaimsPrincipal user, HttpContext context)
    {
        var ct = context.RequestAborted;
        var scope = await scopes.ForAsync(user, ct);
        if (await repository.GetAsync(id, scope, ct) is not { } found)
        {
            return UnknownCase(id);
        }

        if (await DepartmentProblemAsync(body.Department, org, ct) is { } invalid)
        {
            return invalid;
        }

        var leader = Leader.Of(user);
        var refusal = await AssignFoundAsync(found, body.Department!, body.Note, repository, engine, audit, clock, leader, sameLeadIsRefused: true, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body.KeyCase && await FlagFoundAsync(await ReadAsync(repository, id, scope, ct), true, body.Note, repository, engine, audit, leader, ct) is { } flagRefused)
        {
            return flagRefused;
        }

        return Results.Ok(CaseView.Of(await ReadAsync(repository, id, scope, ct)));
    }

    private static async Task<IResult> FlagAsync(
        string id, KeyCaseRequest? body, CaseRepository repository, CaseScopes scopes, WorkflowEngine engine, IAuditLog audit,
        ClaimsPrincipal user, HttpContext context)
    {
        var ct = context.RequestAborted;
        var scope = await scopes.ForAsync(user, ct);
        if (await repository.GetAsync(id, scope, ct) is not { } found)
        {
            return UnknownCase(id);
        }

        var request = body ?? new KeyCaseRequest();
        return await FlagFoundAsync(found, request.Key, request.Note, repository, engine, audit, Leader.Of(user), ct)
            ?? Results.Ok(CaseView.Of(await ReadAsync(repository, id, scope, ct)));
    }

    private static async Task<IResult> FileAssignedAsync(
        AssignedReportRequest body, CaseIntake intake, CaseRepository repository, CaseScopes scopes, OrgRepository org,
        WorkflowEngine engine, IAuditLog audit, TimeProvider clock, ClaimsPrincipal user, HttpContext context)
    {
        var ct = context.RequestAborted;
        if (body.Report is null)
        {
            return Invalid("report", "is required: the report as POST /api/intake/reports takes it");
        }

        if (await DepartmentProblemAsync(body.Department, org, ct) is { } invalid)
        {
            return invalid;
        }

        body.Report["receivedAt"] ??= clock.GetUtcNow();
        IntakeReport? report;
        try
        {
            report = body.Report.Deserialize<IntakeReport>(JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            return Invalid("report" + (e.Path is { Length: > 1 } path ? path[1..] : ""), e.InnerException?.Message ?? e.Message);
        }

        if (report is null)
        {
            return Invalid("report", "must be a JSON object (a report)");
        }

        var leader = Leader.Of(user);
        var outcome = await intake.ReceiveAsync(report, user.Identity?.Name ?? leader.UserId, ct);
        if (outcome.Case is not { } stored)
        {
            return Results.ValidationProblem(
                outcome.Problems.GroupBy(p => "report." + p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                title: "The request is not valid",
                detail: string.Join("; ", outcome.Problems));
        }

        var scope = await scopes.ForAsync(user, ct);
        if (await repository.GetAsync(stored.Id, scope, ct) is null)
        {
            // Recorded like any report, but a leader assigns only within their own area.
            return Results.Problem(
                "The report was recorded, but its case lies outside your area; it was not assigned.",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown case");
        }

        // Routing may already have sent it to that department: the assignment is then recorded without a hand-over.
        if (await AssignFoundAsync(stored, body.Department!, body.Note, repository, engine, audit, clock, leader, sameLeadIsRefused: false, ct) is { } refused)
        {
            return refused;
        }

        if (body.KeyCase && await FlagFoundAsync(await ReadAsync(repository, stored.Id, scope, ct), true, body.Note, repository, engine, audit, leader, ct) is { } flagRefused)
        {
            return flagRefused;
        }

        var after = await ReadAsync(repository, stored.Id, scope, ct);
        var answer = new IntakeAnswer(outcome.Kind.ToString().ToLowerInvariant(), after.Id, after.Number, after.ClusterSize, CaseView.Of(after));
        return outcome.Kind == IntakeOutcomeKind.Opened ? Results.Created($"/api/cases/{after.Id}", answer) : Results.Ok(answer);
    }

    private static async Task<IResult?> AssignFoundAsync(
        CaseRecord found, string department, string? note, CaseRepository repository, WorkflowEngine engine, IAuditLog audit,
        TimeProvider clock, Leader leader, bool sameLeadIsRefused, CancellationToken ct)
    {
        var transition = CaseTransitions.Apply(found.Status, CaseCommand.Assign);
        if (!transition.Accepted)
        {
            return Conflict("Not allowed in this status", $"Case {found.Number}: {transition.Refusal}.");
        }

        var alreadyThere = found.LeadDepartmentId == department && found.Status is CaseStatus.Dispatched or CaseStatus.Handling or CaseStatus.JointHandling;
        if (alreadyThere && sameLeadIsRefused)
        {
            return Conflict("Already with that department", $"Case {found.Number} is already led by {department}; mark it as key to follow it.");
        }

        if (!alreadyThere && CaseHandOver.Run(engine, found, department, leader.UserId, leader.Name) is { } refused)
        {
            return Conflict("Refused by the workflow", refused);
        }

        var recorded = await repository.AppendEventAsync(found.Id, new CaseEvent(CaseEventKind.Assigned, clock.GetUtcNow(), leader.Name, department), ct);
        if (!recorded.Accepted)
        {
            // The instance already moved; a record that disagrees with it is a bug to see, not to hide.
            throw new InvalidOperationException($"case {found.Number}: Assigned was not recorded: {recorded.Refusal}");
        }

        await audit.AppendAsync(new AuditEvent
        {
            ActorUserId = leader.UserId,
            ActorRoles = leader.Roles,
            Action = AuditAction.ForCase(CaseEventKind.Assigned),
            SubjectType = "case",
            SubjectId = found.Id,
            DetailsJson = JsonSerializer.Serialize(new { department, previousDepartment = found.LeadDepartmentId, previousStatus = found.Status.ToString(), note }),
        }, ct);
        return null;
    }

    private static async Task<IResult?> FlagFoundAsync(
        CaseRecord found, bool key, string? note, CaseRepository repository, WorkflowEngine engine, IAuditLog audit,
        Leader leader, CancellationToken ct)
    {
        // The mark changes who is told, never the status: any case that is still open takes it.
        if (CaseTransitions.IsFinal(found.Status) || found.Status == CaseStatus.Closed)
        {
            return Conflict("Not allowed in this status",
                $"Case {found.Number}: cannot mark a case that is {CaseTransitions.Describe(found.Status)} as key; it is finished and nobody will be told of it again.");
        }

        if (Guid.TryParse(found.ProcessInstanceId, out var instanceId) && engine.FindInstance(instanceId) is { IsEnded: false })
        {
            var variables = new Dictionary<string, object?> { ["keyCase"] = key, ["keyCaseLeader"] = key ? leader.UserId : null };
            if (engine.SetVariables(instanceId, variables, actor: leader.Name).Error is { } error)
            {
                return Conflict("Refused by the workflow", error);
            }
        }

        await repository.SetKeyCaseAsync(found.Id, key, ct);
        await audit.AppendAsync(new AuditEvent
        {
            ActorUserId = leader.UserId,
            ActorRoles = leader.Roles,
            Action = KeyCaseAction,
            SubjectType = "case",
            SubjectId = found.Id,
            DetailsJson = JsonSerializer.Serialize(new { key, leader = leader.UserId, note }),
        }, ct);
        return null;
    }

    private static async Task<IResult?> DepartmentProblemAsync(string? department, OrgRepository org, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(department))
        {
            return Invalid("department", "is required: the id of the department that is to lead the case");
        }

        return (await org.ListDepartmentsAsync(ct)).Any(d => d.Id == department)
            ? null
            : Invalid("department", $"'{department}' is not a department of the organisation");
    }

    private static async Task<CaseRecord> ReadAsync(CaseRepository repository, string id, DataScope scope, CancellationToken ct) =>
        await repository.GetAsync(id, scope, ct) ?? throw new InvalidOperationException($"case {id} vanished while a leader acted on it");

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid", detail: $"{field}: {message}");

    private static IResult Conflict(string title, string detail) => Results.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);

    private static IResult UnknownCase(string id) =>
        Results.Problem($"No case '{id}' that you may see.", statusCode: StatusCodes.Status404NotFound, title: "Unknown case");

    private sealed record Leader(string UserId, string Name, IReadOnlyList<string> Roles)
    {
        public static Leader Of(ClaimsPrincipal user)
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "unknown";
            return new Leader(id, user.Identity?.Name ?? id, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
        }
    }
}
