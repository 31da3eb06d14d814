using System.Collections.Concurrent;
using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Bpmn.Reading;
using CityOps.Flow.Engine.Dmn;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.Execution;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Runtime.Messages;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Runtime.Versions;
using CityOps.Flow.Engine.Scheduling.Timers;
using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Engine.Runtime;

/// <summary>
/// The commands of the BPMN runtime. Each command loads what it needs from the store, moves tokens until every
/// one waits, and commits everything as one unit of work; if another command changed an instance meanwhile, the
/// whole command runs again on fresh state. Queries read the store directly.
/// </summary>
public sealed partial class WorkflowEngine
{
    public const string SystemActor = "system";

    private readonly TimeProvider _clock;
    private readonly WorkflowEngineOptions _options;
    private readonly ConcurrentDictionary<(string ProcessId, int Version), DeployedProcess> _definitions = new();
    private readonly ConcurrentDictionary<string, FeelParseResult> _expressions = new(StringComparer.Ordinal);
    private readonly FeelEngine _feel;
    private readonly Func<string, FeelParseResult> _parse;

    public WorkflowEngine(
        IWorkflowStore store,
        TimeProvider clock,
        FeelEngine feel,
        DmnEvaluator decisions,
        ServiceTaskHandlers handlers,
        WorkflowEngineOptions? options = null)
    {
        Store = store;
        _clock = clock;
        _feel = feel;
        _parse = feel.ParseExpression;
        Handlers = handlers;
        _options = options ?? new WorkflowEngineOptions();
        Expressions = new ExpressionEvaluator(Evaluate);
        Decisions = new DecisionCatalog(store, new DmnReader(feel), decisions);
    }

    public IWorkflowStore Store { get; }
    public ServiceTaskHandlers Handlers { get; }
    internal ExpressionEvaluator Expressions { get; }
    internal DecisionCatalog Decisions { get; }

    /// <summary>Starts an instance of the latest version of a process, or of <paramref name="version"/> when given.</summary>
    public CommandResult<Guid> StartInstance(
        string processId,
        IReadOnlyDictionary<string, object?>? variables = null,
        int? version = null,
        string? businessKey = null,
        string actor = SystemActor) =>
        Execute(actor, context =>
        {
            if (Store.FindProcess(processId, version) is not { } record)
            {
                return CommandResult<Guid>.Refused(version is null
                    ? $"Process '{processId}' is not deployed."
                    : $"Process '{processId}' has no version {version}.");
            }

            var started = context.StartInstance(Definition(record.ProcessId, record.Version), VariableValues.Normalize(variables), businessKey);
            return started is null
                ? CommandResult<Guid>.Refused($"Process '{processId}' has no none start event; start it by message, signal or timer.")
                : CommandResult<Guid>.Ok(started.State.InstanceId);
        });

    /// <summary>Completes an open user task with the variables the person entered; returns the task's instance.</summary>
    public CommandResult<Guid> CompleteTask(Guid taskId, IReadOnlyDictionary<string, object?>? variables = null, string actor = SystemActor) =>
        OnTask(taskId, actor, (execution, _) =>
        {
            execution.CompleteUserTask(taskId, VariableValues.Normalize(variables));
            return null;
        });

    /// <summary>A candidate takes the task; refused when someone else holds it.</summary>
    public CommandResult<Guid> ClaimTask(Guid taskId, string userId, string? actor = null) =>
        OnTask(taskId, actor ?? userId, (execution, task) =>
        {
            if (task.Assignee is { } holder && holder != userId) return $"Task '{taskId}' is already claimed by '{holder}'.";
            if (task.Assignee != userId) execution.Emit(new TaskClaimed(execution.Header(task.ElementId), taskId, userId));
            return null;
        });

    /// <summary>The assignee gives the task back to its candidates.</summary>
    public CommandResult<Guid> UnclaimTask(Guid taskId, string actor = SystemActor) =>
        OnTask(taskId, actor, (execution, task) =>
        {
            if (task.Assignee is not null) execution.Emit(new TaskUnclaimed(execution.Header(task.ElementId), taskId));
            return null;
        });

    /// <summary>Sets (or with null clears) the task's assignee, e.g. a dispatcher handing it to a handler.</summary>
    public CommandResult<Guid> AssignTask(Guid taskId, string? assignee, string actor = SystemActor) =>
        OnTask(taskId, actor, (execution, task) =>
        {
            if (task.Assignee != assignee) execution.Emit(new TaskAssigned(execution.Header(task.ElementId), taskId, assignee));
            return null;
        });

    /// <summary>
    /// Publishes a message. It reaches, in every instance, the oldest subscription with this name and correlation
    /// key, and starts every process whose latest version has a message start event for it. When nothing takes it,
    /// the message is buffered for <paramref name="timeToLive"/> (default <see cref="WorkflowEngineOptions.DefaultMessageTimeToLive"/>):
    /// a receive task, catch event or boundary that opens its subscription later takes it at once. This keeps a
    /// citizen's callback that arrives a moment before the process reaches its wait from being lost; a zero time to
    /// live drops it instead.
    /// </summary>
    public MessageCorrelationResult CorrelateMessage(
        string messageName,
        string correlationKey,
        IReadOnlyDictionary<string, object?>? variables = null,
        TimeSpan? timeToLive = null,
        string actor = SystemActor)
    {
        var payload = VariableValues.Normalize(variables);
        var outcome = MessageCorrelationOutcome.Dropped;
        IReadOnlyList<Guid> reached = [];
        Execute(actor, context =>
        {
            var instances = new List<Guid>();
            foreach (var perInstance in Store.FindMessageSubscriptions(messageName, correlationKey).GroupBy(s => s.InstanceId))
            {
                var execution = context.Load(perInstance.Key);
                if (execution is null) continue;
                foreach (var subscription in perInstance.OrderBy(s => s.OpenedAt))
                {
                    if (!execution.DeliverMessage(subscription.Id, payload, null)) continue;
                    instances.Add(perInstance.Key);
                    break;
                }
            }

            foreach (var record in Store.LatestProcesses().Where(p => p.MessageStartNames.Contains(messageName)))
            {
                var definition = Definition(record.ProcessId, record.Version);
                var start = definition.Process.StartEventsOf(definition.Process.Id)
                    .First(e => e.Definition is MessageEventDefinition { Message: { } m } && MessageName(m) == messageName);
                var businessKey = correlationKey.Length == 0 ? null : correlationKey;
                if (context.StartInstance(definition, payload, businessKey, start: start) is { } started) instances.Add(started.State.InstanceId);
            }

            outcome = MessageCorrelationOutcome.Correlated;
            var ttl = timeToLive ?? _options.DefaultMessageTimeToLive;
            if (instances.Count == 0)
            {
                outcome = ttl > TimeSpan.Zero ? MessageCorrelationOutcome.Buffered : MessageCorrelationOutcome.Dropped;
                if (ttl > TimeSpan.Zero)
                {
                    context.MessagesBuffered.Add(new BufferedMessage
                    {
                        Id = Guid.NewGuid(),
                        MessageName = messageName,
                        CorrelationKey = correlationKey,
                        Variables = payload,
                        PublishedAt = context.Now,
                        ExpiresAt = context.Now + ttl,
                    });
                }
            }

            reached = instances;
            return CommandResult<Guid>.Ok(Guid.Empty);
        });
        return new MessageCorrelationResult(outcome, reached);
    }

    /// <summary>Broadcasts a signal to every waiting element and signal start event; returns the instances reached or started.</summary>
    public IReadOnlyList<Guid> BroadcastSignal(string signalName, IReadOnlyDictionary<string, object?>? variables = null, string actor = SystemActor)
    {
        IReadOnlyList<Guid> reached = [];
        Execute(actor, context =>
        {
            reached = context.Broadcast(signalName, VariableValues.Normalize(variables));
            return CommandResult<Guid>.Ok(Guid.Empty);
        });
        return reached;
    }

    /// <summary>
    /// Fires every timer due at <paramref name="now"/> (the clock's time when null), each in its own command, and
    /// returns how many fired. Jobs are acquired with a lock; one whose instance no longer holds it is dropped.
    /// </summary>
    public int FireDueJobs(DateTimeOffset? now = null)
    {
        var fired = 0;
        while (true)
        {
            var at = now ?? _clock.GetUtcNow();
            var jobs = Store.AcquireDueJobs(at, _options.WorkerId, at + _options.JobLockDuration, _options.JobBatchSize);
            if (jobs.Count == 0) return fired;
            foreach (var job in jobs)
            {
                if (FireJob(job).Value) fired++;
            }
        }
    }

    /// <summary>Runs one acquired job; false when it had already fired or its token had gone (nothing changes then).</summary>
    public CommandResult<bool> FireJob(JobRecord job) =>
        Execute(SystemActor, context =>
        {
            if (job.InstanceId is not { } instanceId) return CommandResult<bool>.Ok(FireStartTimer(context, job));
            if (context.Load(instanceId)?.FireJob(job.Id) == true) return CommandResult<bool>.Ok(true);
            context.DefinitionJobsRemoved.Add(job.Id);
            return CommandResult<bool>.Ok(false);
        });

    /// <summary>
    /// The job executor ran out of attempts for a timer: the instance drops the job and records an incident on its
    /// token (resolve it to fire the timer once more). A start-timer job is simply removed. False when the job was
    /// already gone.
    /// </summary>
    public CommandResult<bool> RaiseJobIncident(JobRecord job, string message) =>
        Execute(SystemActor, context =>
        {
            if (job.InstanceId is { } instanceId && context.Load(instanceId)?.FailJob(job.Id, message) == true) return CommandResult<bool>.Ok(true);
            context.DefinitionJobsRemoved.Add(job.Id);
            return CommandResult<bool>.Ok(false);
        });

    public CommandResult<Guid> CancelInstance(Guid instanceId, string reason, string actor = SystemActor) =>
        OnInstance(instanceId, actor, execution =>
        {
            if (execution.State.ParentInstanceId is { } parent) return $"Instance '{instanceId}' was called by '{parent}'; cancel that instance.";
            execution.CancelInstance(reason);
            return null;
        });

    /// <summary>Writes variables into a scope of the instance (token 1, the default, is the instance itself).</summary>
    public CommandResult<Guid> SetVariables(
        Guid instanceId,
        IReadOnlyDictionary<string, object?> variables,
        long scopeTokenId = ProcessInstanceState.RootTokenId,
        string actor = SystemActor) =>
        OnInstance(instanceId, actor, execution =>
        {
            if (!execution.State.Tokens.ContainsKey(scopeTokenId)) return $"Instance '{instanceId}' has no scope {scopeTokenId}.";
            foreach (var (name, value) in VariableValues.Normalize(variables)) execution.SetLocal(scopeTokenId, name, value);
            return null;
        });

    /// <summary>An operator fixed the cause of an incident: the stopped element runs again.</summary>
    public CommandResult<Guid> ResolveIncident(Guid instanceId, Guid incidentId, string actor = SystemActor) =>
        OnInstance(instanceId, actor, execution =>
            execution.ResolveIncident(incidentId) ? null : $"Instance '{instanceId}' has no open incident '{incidentId}'.");

    public ProcessInstanceState? FindInstance(Guid instanceId) => Store.LoadInstance(instanceId)?.State;

    public TaskPage QueryTasks(TaskQuery query) => Store.QueryTasks(query);

    public IReadOnlyList<HistoryEvent> History(Guid instanceId) => Store.ReadHistory(instanceId);

    internal DeployedProcess Definition(string processId, int version) =>
        _definitions.TryGetValue((processId, version), out var known) ? known : _definitions.GetOrAdd((processId, version), Read);

    private DeployedProcess Read((string ProcessId, int Version) key)
    {
        var record = Store.FindProcess(key.ProcessId, key.Version)
            ?? throw new InvalidOperationException($"Process '{key.ProcessId}' version {key.Version} is not in the store.");
        var read = BpmnReader.Read(record.Xml);
        var process = read.Definitions?.FindProcess(key.ProcessId)
            ?? throw new InvalidOperationException($"Stored process '{key.ProcessId}' version {key.Version} no longer reads: {string.Join("; ", read.Errors)}");
        return new DeployedProcess(record, read.Definitions, process);
    }

    internal static string MessageName(MessageDeclaration message) => message.Name?.Literal ?? message.Name?.Text ?? message.Id;

    private bool FireStartTimer(CommandContext context, JobRecord job)
    {
        context.DefinitionJobsRemoved.Add(job.Id);
        var latest = Store.FindProcess(job.ProcessId!);
        if (latest is null || latest.Version != job.ProcessVersion) return false;
        var definition = Definition(latest.ProcessId, latest.Version);
        if (definition.Process.FindNode(job.ElementId) is not StartEvent start) return false;
        context.StartInstance(definition, new Dictionary<string, object?>(), start: start);
        if (job.RemainingRepetitions != 0
            && TimerScheduleParser.Parse(job.TimerKind, job.TimerText).Schedule?.NextDue(new TimerDue(job.DueAt, job.RemainingRepetitions)) is { } next)
        {
            context.DefinitionJobsSaved.Add(job with
            {
                Id = Guid.NewGuid(),
                DueAt = next.At,
                RemainingRepetitions = next.RemainingRepetitions,
                LockOwner = null,
                LockExpiresAt = null,
            });
        }

        return true;
    }

    private CommandResult<Guid> OnTask(Guid taskId, string actor, Func<InstanceExecution, UserTaskRecord, string?> change) =>
        Execute(actor, context =>
        {
            var indexed = Store.FindTask(taskId);
            var execution = indexed is null ? null : context.Load(indexed.InstanceId);
            if (execution is null || !execution.State.OpenTasks.TryGetValue(taskId, out var task))
            {
                return CommandResult<Guid>.Refused($"Task '{taskId}' is not open.");
            }

            return change(execution, task) is { } refusal
                ? CommandResult<Guid>.Refused(refusal)
                : CommandResult<Guid>.Ok(execution.State.InstanceId);
        });

    private CommandResult<Guid> OnInstance(Guid instanceId, string actor, Func<InstanceExecution, string?> change) =>
        Execute(actor, context =>
        {
            var execution = context.Load(instanceId);
            if (execution is null) return CommandResult<Guid>.Refused($"Instance '{instanceId}' does not exist.");
            if (execution.State.IsEnded) return CommandResult<Guid>.Refused($"Instance '{instanceId}' has ended ({execution.State.Status}).");
            return change(execution) is { } refusal ? CommandResult<Guid>.Refused(refusal) : CommandResult<Guid>.Ok(instanceId);
        });

    /// <summary>Runs a command to the end and commits it; re-runs it on fresh state when it loses an optimistic-concurrency race.</summary>
    private CommandResult<T> Execute<T>(string actor, Func<CommandContext, CommandResult<T>> command)
    {
        for (var attempt = 0; ; attempt++)
        {
            var context = new CommandContext(this, _clock.GetUtcNow(), actor);
            var result = command(context);
            if (!result.Succeeded) return result;
            context.Run();
            var commit = context.BuildCommit();
            if (commit.IsEmpty || Store.Commit(commit) == CommitOutcome.Committed) return result;
            if (attempt >= _options.MaxConflictRetries)
            {
                return CommandResult<T>.Refused($"The instances this command touches kept changing; gave up after {attempt + 1} attempts.");
            }
        }
    }

    private EvaluatedValue Evaluate(string source, IReadOnlyDictionary<string, object?> variables)
    {
        var parsed = _expressions.TryGetValue(source, out var cached) ? cached : _expressions.GetOrAdd(source, _parse);
        if (!parsed.Success) return EvaluatedValue.Fail($"'{source}' does not parse: {string.Join("; ", parsed.Errors)}");
        var result = _feel.Evaluate(parsed.Expression!, variables);
        return result.Value is null && result.Warnings.Count > 0
            ? EvaluatedValue.Fail($"'{source}': {string.Join("; ", result.Warnings)}")
            : EvaluatedValue.Of(result.Value);
    }
}
