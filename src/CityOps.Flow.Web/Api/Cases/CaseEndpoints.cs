using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CityOps.Flow.Cases.Audit;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;

namespace CityOps.Flow.Web.Api.Cases;

/// <summary>
/// Intake and case queries: <c>POST /api/intake/reports</c> and <c>/api/cases</c>. Every read is filtered by the
/// caller's data scope (<see cref="CaseScopes"/>), and a case outside it answers 404 exactly like an unknown one.
/// Phone numbers appear masked except through the audited reveal. Refusals are RFC 9457 problem details.
/// </summary>
public static class CaseEndpoints
{
    /// <summary>The properties a report must carry; <c>receivedAt</c> defaults to when the host received it.</summary>
    private static readonly string[] RequiredFields = ["channel", "sourceId", "categoryCode", "location"];

    public static IEndpointRouteBuilder MapCaseApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/intake/reports", ReceiveAsync)
            .RequireAuthorization(policy => policy.RequireRole(CaseScopes.IntakeRoles))
            .WithTags("Intake")
            .WithName("ReceiveReport")
            .WithSummary("Files a report: a new case (201), or the open case it joined or the case of an earlier post with the same channel and source id (200).")
            .Accepts<IntakeReport>("application/json")
            .Produces<IntakeAnswer>(StatusCodes.Status201Created)
            .Produces<IntakeAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        var cases = endpoints.MapGroup("/api/cases").RequireAuthorization().WithTags("Cases")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        cases.MapGet("/", SearchAsync).WithName("SearchCases")
            .WithSummary("Cases in the caller's scope by area (street, community or grid), opening time [from, to), keyword, category, status, channel and lead department; newest first, keyset-paged.")
            .Produces<CasePageView>()
            .ProducesValidationProblem();
        cases.MapGet("/{id}", GetAsync).WithName("GetCase")
            .WithSummary("One case; 404 when unknown or outside the caller's scope.")
            .Produces<CaseView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{id}/reporter/reveal", RevealAsync)
            .RequireAuthorization(policy => policy.RequireRole(CaseScopes.PersonalDataRoles))
            .WithName("RevealReporter")
            .WithSummary("The reporter's full name and phone number, for a call back (operators, dispatchers, supervisors); written to the audit log before the answer.")
            .Produces<RevealedReporter>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapCaseTaskApi();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, CaseIntake intake, CaseRepository repository, CaseScopes scopes, TimeProvider clock, ClaimsPrincipal user)
    {
        var ct = request.HttpContext.RequestAborted;
        var (report, problems) = await ReadReportAsync(request, clock, ct);
        if (report is null)
        {
            return Invalid(problems);
        }

        var outcome = await intake.ReceiveAsync(report, user.Identity?.Name ?? "intake", ct);
        if (outcome.Case is not { } stored)
        {
            return Invalid(outcome.Problems);
        }

        // A report can join a case of another street: the filer learns where it went, not what that case holds.
        var visible = await repository.GetAsync(stored.Id, await scopes.ForAsync(user, ct), ct) is not null;
        var answer = new IntakeAnswer(
            outcome.Kind.ToString().ToLowerInvariant(), stored.Id, stored.Number, stored.ClusterSize, visible ? CaseView.Of(stored) : null);
        return outcome.Kind == IntakeOutcomeKind.Opened ? Results.Created($"/api/cases/{stored.Id}", answer) : Results.Ok(answer);
    }

    private static async Task<IResult> SearchAsync(
        CaseRepository repository, CaseScopes scopes, ClaimsPrincipal user, HttpContext context,
        string? area, DateTimeOffset? from, DateTimeOffset? to, string? keyword, string? category, string? status,
        string? channel, string? department, int? pageSize, string? cursor)
    {
        var problems = new List<IntakeProblem>();
        CaseStatus? parsedStatus = null;
        if (status is not null)
        {
            if (Enum.TryParse<CaseStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s))
            {
                parsedStatus = s;
            }
            else
            {
                problems.Add(new IntakeProblem("status", $"'{status}' is not a case status; use one of {string.Join(", ", Enum.GetNames<CaseStatus>())}"));
            }
        }

        Channel? parsedChannel = null;
        if (channel is not null)
        {
            if (ChannelCode.TryParse(channel, out var c))
            {
                parsedChannel = c;
            }
            else
            {
                problems.Add(new IntakeProblem("channel", $"'{channel}' is not a channel code"));
            }
        }

        if (pageSize is < 1 or > CaseRepository.MaxPageSize)
        {
            problems.Add(new IntakeProblem("pageSize", $"must be between 1 and {CaseRepository.MaxPageSize}"));
        }

        if (problems.Count > 0)
        {
            return Invalid(problems);
        }

        var query = new CaseQuery
        {
            AreaId = area,
            OpenedFrom = from,
            OpenedTo = to,
            Keyword = keyword,
            CategoryCode = category,
            Status = parsedStatus,
            Channel = parsedChannel,
            DepartmentId = department,
        };
        var scope = await scopes.ForAsync(user, context.RequestAborted);
        var page = await repository.SearchAsync(query, scope, pageSize ?? 50, cursor, context.RequestAborted);
        return Results.Ok(new CasePageView(page.Cases.Select(CaseView.Of).ToList(), page.NextCursor));
    }

    private static async Task<IResult> GetAsync(string id, CaseRepository repository, CaseScopes scopes, ClaimsPrincipal user, HttpContext context)
    {
        var scope = await scopes.ForAsync(user, context.RequestAborted);
        return await repository.GetAsync(id, scope, context.RequestAborted) is { } found
            ? Results.Ok(CaseView.Of(found))
            : UnknownCase(id);
    }

    private static async Task<IResult> RevealAsync(
        string id, CaseRepository repository, CaseScopes scopes, IAuditLog audit, ClaimsPrincipal user, HttpContext context)
    {
        var scope = await scopes.ForAsync(user, context.RequestAborted);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var actor = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "unknown";
        var reporter = await repository.RevealReporterAsync(id, scope, actor, roles, audit, context.RequestAborted);
        return reporter is null
            ? UnknownCase(id)
            : Results.Ok(new RevealedReporter(id, reporter.Name, reporter.Phone?.Reveal()));
    }

    /// <summary>
    /// Reads the body as a report. Missing required fields and values of the wrong shape (an unknown channel, a phone
    /// number that is not one) come back as field problems, so the client learns all of them at once where it can.
    /// </summary>
    private static async Task<(IntakeReport? Report, IReadOnlyList<IntakeProblem> Problems)> ReadReportAsync(
        HttpRequest request, TimeProvider clock, CancellationToken ct)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            return (null, [new IntakeProblem("$", $"the body is not JSON: {e.Message}")]);
        }

        if (body is not JsonObject fields)
        {
            return (null, [new IntakeProblem("$", "the body must be a JSON object (a report)")]);
        }

        var missing = RequiredFields.Where(name => fields[name] is null).Select(name => new IntakeProblem(name, "is required")).ToList();
        if (missing.Count > 0)
        {
            return (null, missing);
        }

        if (fields["receivedAt"] is null)
        {
            fields["receivedAt"] = clock.GetUtcNow();
        }

        try
        {
            return (fields.Deserialize<IntakeReport>(JsonSerializerOptions.Web), []);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$";
            return (null, [new IntakeProblem(field, e.InnerException?.Message ?? FirstSentence(e.Message))]);
        }
    }

    private static string FirstSentence(string message) =>
        message.IndexOf(". Path:", StringComparison.Ordinal) is var end and > 0 ? message[..end] : message;

    private static IResult Invalid(IReadOnlyList<IntakeProblem> problems) =>
        Results.ValidationProblem(
            problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            title: "The request is not valid",
            detail: string.Join("; ", problems));

    private static IResult UnknownCase(string id) =>
        Results.Problem($"No case '{id}' that you may see.", statusCode: StatusCodes.Status404NotFound, title: "Unknown case");
}
