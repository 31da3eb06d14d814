using System.Security.Claims;
using System.Text;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Identity;

namespace CityOps.Flow.Web.Api.Workflows;

/// <summary>
/// The workflow REST API under <c>/api/workflows</c>: definitions, instances, history, user tasks, messages, signals
/// and incidents, for administrators only: it reads and moves any instance, whatever area its case lies in.
/// Refusals are RFC 9457 problem details.
/// </summary>
public static class WorkflowEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowApi(this IEndpointRouteBuilder endpoints)
    {
        // Engine administration across every case of the installation, so not scoped by area: administrators only.
        var api = endpoints.MapGroup("/api/workflows").RequireAuthorization(policy => policy.RequireRole(CityRoles.Administrator)).WithTags("Workflows")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapPost("/definitions", DeployAsync)
            .RequireAuthorization(policy => policy.RequireRole(CityRoles.Administrator))
            .Accepts<string>("application/xml", "text/xml")
            .WithName("DeployDefinition")
            .WithSummary("Deploys one BPMN or DMN file (the request body; ?name=file.bpmn). Unchanged content creates no new version.")
            .Produces<IReadOnlyList<DeployedDefinition>>()
            .ProducesValidationProblem();
        api.MapGet("/definitions", ListDefinitions).WithName("ListDefinitions").WithSummary("The latest version of every deployed process.");
        api.MapGet("/definitions/{processId}/versions", ListVersions).WithName("ListDefinitionVersions")
            .WithSummary("Every version of one process, oldest first.").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/instances", StartInstance).WithName("StartInstance")
            .WithSummary("Starts an instance of a process (latest version unless one is given).")
            .Produces<InstanceStarted>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/instances/{instanceId:guid}", GetInstance).WithName("GetInstance")
            .WithSummary("An instance's state, variables, tokens, open tasks and incidents.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/instances/{instanceId:guid}/history", GetHistory).WithName("GetInstanceHistory")
            .WithSummary("The instance's append-only history, in order.").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/tasks", QueryTasks).WithName("QueryTasks")
            .WithSummary("Open user tasks by candidate group, assignee, instance and due window, earliest due first, paged.");
        api.MapPost("/tasks/{taskId:guid}/claim", ClaimTask).WithName("ClaimTask")
            .WithSummary("The signed-in user takes the task.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/tasks/{taskId:guid}/complete", CompleteTask).WithName("CompleteTask")
            .WithSummary("Completes the task with the variables entered.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/messages", CorrelateMessage).WithName("CorrelateMessage")
            .WithSummary("Publishes a message to its waiting subscriptions or message starts, or buffers it for its time to live.");
        api.MapPost("/signals", BroadcastSignal).WithName("BroadcastSignal").WithSummary("Broadcasts a signal to every waiting instance.");

        api.MapGet("/incidents", ListIncidents).WithName("ListIncidents").WithSummary("Open incidents across all instances, oldest first.");
        api.MapPost("/instances/{instanceId:guid}/incidents/{incidentId:guid}/retry", RetryIncident)
            .RequireAuthorization(policy => policy.RequireRole(CityRoles.Administrator))
            .WithName("RetryIncident")
            .WithSummary("Resolves an incident and retries what failed (a failed timer fires once).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<IResult> DeployAsync(HttpRequest request, WorkflowEngine engine, string? name, ClaimsPrincipal user)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var content = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var resourceName = string.IsNullOrWhiteSpace(name) ? GuessName(content) : name;
        if (string.IsNullOrWhiteSpace(content))
        {
            return Problem(StatusCodes.Status400BadRequest, "Empty deployment", "The request body must be the BPMN or DMN XML to deploy.");
        }

        var result = engine.Deploy([new DeploymentResource(resourceName, content)], ActorOf(user));
        if (!result.Succeeded)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { [resourceName] = result.Problems.ToArray() },
                detail: $"{resourceName} was not deployed: {result.Problems.Count} problem(s).",
                title: "The definition cannot be deployed",
                extensions: new Dictionary<string, object?>
                {
                    ["problems"] = result.Problems.Select(p => DeploymentProblem.Parse(resourceName, p)).ToList(),
                });
        }

        return Results.Ok(result.Versions.Select(v => new DeployedDefinition(v.Id, v.Version, v.IsNew, v.IsDecision)).ToList());
    }

    private static IReadOnlyList<DefinitionVersion> ListDefinitions(WorkflowEngine engine) =>
        engine.Store.LatestProcesses().OrderBy(p => p.ProcessId, StringComparer.Ordinal).Select(Version).ToList();

    private static IResult ListVersions(string processId, WorkflowEngine engine)
    {
        if (engine.Store.FindProcess(processId) is not { } latest)
        {
            return Problem(StatusCodes.Status404NotFound, "Unknown process", $"Process '{processId}' is not deployed.");
        }

        var versions = Enumerable.Range(1, latest.Version)
            .Select(v => engine.Store.FindProcess(processId, v))
            .OfType<Engine.Storage.ProcessDefinitionRecord>()
            .Select(Version)
            .ToList();
        return Results.Ok(versions);
    }

    private static IResult StartInstance(StartInstanceRequest request, WorkflowEngine engine, ClaimsPrincipal user)
    {
        var started = engine.StartInstance(request.ProcessId, WorkflowViews.VariablesFrom(request.Variables), request.Version, request.BusinessKey, ActorOf(user));
        return started.Succeeded
            ? Results.Created($"/api/workflows/instances/{started.Value}", new InstanceStarted(started.Value))
            : Problem(StatusCodes.Status409Conflict, "The instance was not started", started.Error!);
    }

    private static IResult GetInstance(Guid instanceId, WorkflowEngine engine) =>
        engine.FindInstance(instanceId) is { } state
            ? Results.Ok(WorkflowViews.Instance(state))
            : UnknownInstance(instanceId);

    private static IResult GetHistory(Guid instanceId, WorkflowEngine engine)
    {
        var history = engine.History(instanceId);
        return history.Count == 0 ? UnknownInstance(instanceId) : Results.Ok(history.Select(WorkflowViews.History).ToList());
    }

    private static TaskPageView QueryTasks(
        WorkflowEngine engine, string? candidateGroup, string? assignee, Guid? instanceId, DateTimeOffset? dueFrom,
        DateTimeOffset? dueBefore, int? offset, int? limit)
    {
        var query = new TaskQuery
        {
            CandidateGroups = string.IsNullOrWhiteSpace(candidateGroup) ? [] : candidateGroup.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Assignee = assignee,
            InstanceId = instanceId,
            DueFrom = dueFrom,
            DueBefore = dueBefore,
            Offset = Math.Max(0, offset ?? 0),
            Limit = Math.Clamp(limit ?? 50, 1, 500),
        };
        var page = engine.QueryTasks(query);
        return new TaskPageView(page.Items.Select(WorkflowViews.Task).ToList(), page.Total, query.Offset, query.Limit);
    }

    private static IResult ClaimTask(Guid taskId, WorkflowEngine engine, ClaimsPrincipal user) =>
        OnTask(taskId, engine, () => engine.ClaimTask(taskId, ActorOf(user)));

    private static IResult CompleteTask(Guid taskId, VariablesRequest? request, WorkflowEngine engine, ClaimsPrincipal user) =>
        OnTask(taskId, engine, () => engine.CompleteTask(taskId, WorkflowViews.VariablesFrom(request?.Variables), ActorOf(user)));

    private static MessageCorrelated CorrelateMessage(CorrelateMessageRequest request, WorkflowEngine engine, ClaimsPrincipal user)
    {
        var result = engine.CorrelateMessage(request.Name, request.CorrelationKey, WorkflowViews.VariablesFrom(request.Variables), request.TimeToLive, ActorOf(user));
        return new MessageCorrelated(result.Outcome.ToString(), result.Instances);
    }

    private static SignalBroadcast BroadcastSignal(BroadcastSignalRequest request, WorkflowEngine engine, ClaimsPrincipal user) =>
        new(engine.BroadcastSignal(request.Name, WorkflowViews.VariablesFrom(request.Variables), ActorOf(user)));

    private static Task<IReadOnlyList<IncidentView>> ListIncidents(IDbConnectionFactory connections, WorkflowEngine engine, HttpContext context) =>
        new OpenIncidents(connections, engine).ListAsync(context.RequestAborted);

    private static IResult RetryIncident(Guid instanceId, Guid incidentId, WorkflowEngine engine, ClaimsPrincipal user)
    {
        if (engine.FindInstance(instanceId) is not { } state)
        {
            return UnknownInstance(instanceId);
        }

        if (!state.Incidents.ContainsKey(incidentId))
        {
            return Problem(StatusCodes.Status404NotFound, "Unknown incident", $"Instance '{instanceId}' has no open incident '{incidentId}'.");
        }

        var resolved = engine.ResolveIncident(instanceId, incidentId, ActorOf(user));
        return resolved.Succeeded
            ? Results.Ok(WorkflowViews.Instance(engine.FindInstance(instanceId)!))
            : Problem(StatusCodes.Status409Conflict, "The incident was not resolved", resolved.Error!);
    }

    private static IResult OnTask(Guid taskId, WorkflowEngine engine, Func<CommandResult<Guid>> command)
    {
        if (engine.Store.FindTask(taskId) is null)
        {
            return Problem(StatusCodes.Status404NotFound, "Unknown task", $"Task '{taskId}' is not open (unknown, completed or cancelled).");
        }

        var result = command();
        return result.Succeeded
            ? Results.Ok(WorkflowViews.Instance(engine.FindInstance(result.Value)!))
            : Problem(StatusCodes.Status409Conflict, "The task command was refused", result.Error!);
    }

    private static DefinitionVersion Version(Engine.Storage.ProcessDefinitionRecord p) =>
        new(p.ProcessId, p.Version, p.ResourceName, p.DeploymentId, p.DeployedAt);

    private static string ActorOf(ClaimsPrincipal user) => user.Identity?.Name ?? WorkflowEngine.SystemActor;

    private static string GuessName(string content) =>
        content.Contains("dmn", StringComparison.OrdinalIgnoreCase) && content.Contains("<definitions", StringComparison.Ordinal)
        && content.Contains("decision", StringComparison.Ordinal) && !content.Contains("process", StringComparison.Ordinal)
            ? "definition.dmn"
            : "definition.bpmn";

    private static IResult UnknownInstance(Guid instanceId) =>
        Problem(StatusCodes.Status404NotFound, "Unknown instance", $"No workflow instance '{instanceId}'.");

    private static IResult Problem(int status, string title, string detail) => Results.Problem(detail, statusCode: status, title: title);
}
