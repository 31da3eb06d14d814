using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Runtime.Messages;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Runtime.Versions;
using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Engine.Runtime.Execution;

/// <summary>
/// One run of one command: the instances it loaded or started, what it buffered and consumed, and the single
/// <see cref="WorkflowCommit"/> it hands to the store at the end.
/// </summary>
internal sealed class CommandContext(WorkflowEngine engine, DateTimeOffset now, string actor)
{
    private readonly Dictionary<Guid, InstanceExecution> _instances = [];
    private readonly List<InstanceExecution> _busy = [];
    private readonly HashSet<InstanceExecution> _busySet = [];
    private readonly HashSet<Guid> _consumedBuffered = [];
    private readonly Queue<(string Name, IReadOnlyDictionary<string, object?> Variables)> _signals = new();

    public DateTimeOffset Now { get; } = now;
    public string Actor { get; } = actor;
    public IWorkflowStore Store => engine.Store;
    public ExpressionEvaluator Expressions => engine.Expressions;
    public ServiceTaskHandlers Handlers => engine.Handlers;
    public DecisionCatalog Decisions => engine.Decisions;
    public List<BufferedMessage> MessagesBuffered { get; } = [];
    public List<ProcessDefinitionRecord> ProcessDefinitionsAdded { get; } = [];
    public List<DecisionDefinitionRecord> DecisionDefinitionsAdded { get; } = [];
    public List<JobRecord> DefinitionJobsSaved { get; } = [];
    public List<Guid> DefinitionJobsRemoved { get; } = [];
    public IEnumerable<InstanceExecution> Instances => _instances.Values;

    /// <summary>The instance as this command sees it (loaded once, then shared by every step of the command).</summary>
    public InstanceExecution? Load(Guid instanceId)
    {
        if (_instances.TryGetValue(instanceId, out var loaded)) return loaded;
        if (Store.LoadInstance(instanceId) is not { } stored) return null;
        var definition = engine.Definition(stored.State.ProcessId, stored.State.ProcessVersion);
        var execution = new InstanceExecution(this, stored.State, stored.Version, definition);
        _instances[instanceId] = execution;
        return execution;
    }

    public DeployedProcess? LatestDefinition(string processId) =>
        Store.FindProcess(processId) is { } record ? engine.Definition(record.ProcessId, record.Version) : null;

    /// <summary>Starts an instance at <paramref name="start"/> (the none start event when null); null when there is none.</summary>
    public InstanceExecution? StartInstance(
        DeployedProcess definition,
        IReadOnlyDictionary<string, object?> variables,
        string? businessKey = null,
        (Guid Instance, long Token)? parent = null,
        StartEvent? start = null)
    {
        start ??= definition.NoneStartEventOf(definition.Process.Id);
        if (start is null) return null;
        var id = Guid.NewGuid();
        var execution = new InstanceExecution(this, new ProcessInstanceState(), 0, definition);
        _instances[id] = execution;
        execution.Emit(new InstanceStarted(
            new EventHeader(1, id, Now, Actor, definition.Process.Id),
            definition.Process.Id,
            definition.Record.Version,
            parent?.Instance,
            parent?.Token,
            businessKey));
        execution.BeginAt(start, variables);
        return execution;
    }

    public void MarkBusy(InstanceExecution execution)
    {
        if (_busySet.Add(execution)) _busy.Add(execution);
    }

    /// <summary>The oldest live buffered message for this name and key that this command has not used yet.</summary>
    public BufferedMessage? TakeBufferedMessage(string messageName, string correlationKey)
    {
        foreach (var message in Store.FindBufferedMessages(messageName, correlationKey, Now))
        {
            if (_consumedBuffered.Add(message.Id)) return message;
        }

        return null;
    }

    /// <summary>A signal thrown inside an instance reaches every waiting instance once the current steps are done.</summary>
    public void BroadcastLater(string signalName, IReadOnlyDictionary<string, object?> variables) => _signals.Enqueue((signalName, variables));

    /// <summary>Runs every instance until all its tokens wait, including those reached by signals thrown meanwhile.</summary>
    public void Run()
    {
        while (true)
        {
            while (_busy.Count > 0)
            {
                var execution = _busy[^1];
                _busy.RemoveAt(_busy.Count - 1);
                _busySet.Remove(execution);
                if (execution.HasWork) execution.Drain();
            }

            if (!_signals.TryDequeue(out var signal)) return;
            Broadcast(signal.Name, signal.Variables);
        }
    }

    /// <summary>Delivers a signal to every subscription and starts every process with a matching signal start event.</summary>
    public IReadOnlyList<Guid> Broadcast(string signalName, IReadOnlyDictionary<string, object?> variables)
    {
        var reached = new List<Guid>();
        var subscriptions = Store.FindSignalSubscriptions(signalName).ToDictionary(s => s.Id);
        foreach (var execution in _instances.Values)
        {
            foreach (var s in execution.State.SignalSubscriptions.Values)
            {
                if (s.SignalName == signalName) subscriptions[s.Id] = s;
            }
        }

        foreach (var subscription in subscriptions.Values.OrderBy(s => s.InstanceId).ThenBy(s => s.TokenId))
        {
            if (Load(subscription.InstanceId)?.DeliverSignal(subscription.Id, variables) == true) reached.Add(subscription.InstanceId);
        }

        foreach (var record in Store.LatestProcesses().Where(p => p.SignalStartNames.Contains(signalName)))
        {
            var definition = engine.Definition(record.ProcessId, record.Version);
            var start = definition.Process.StartEventsOf(definition.Process.Id)
                .First(e => e.Definition is SignalEventDefinition s && SignalName(s) == signalName);
            if (StartInstance(definition, variables, start: start) is { } started) reached.Add(started.State.InstanceId);
        }

        return [.. reached.Distinct()];
    }

    public static string SignalName(SignalEventDefinition signal) => signal.Signal.Name?.Literal ?? signal.Signal.Name?.Text ?? signal.Signal.Id;

    /// <summary>Everything the command did, as one unit of work.</summary>
    public WorkflowCommit BuildCommit() => new()
    {
        ProcessDefinitionsAdded = ProcessDefinitionsAdded,
        DecisionDefinitionsAdded = DecisionDefinitionsAdded,
        Instances = [.. _instances.Values.Where(i => i.NewEvents.Count > 0).Select(Change)],
        DefinitionJobsSaved = DefinitionJobsSaved,
        DefinitionJobsRemoved = DefinitionJobsRemoved,
        MessagesBuffered = MessagesBuffered,
        BufferedMessagesConsumed = [.. _consumedBuffered],
    };

    private static InstanceChange Change(InstanceExecution execution)
    {
        var state = execution.State;
        var tasks = new HashSet<Guid>();
        var jobs = new HashSet<Guid>();
        var messages = new HashSet<Guid>();
        var signals = new HashSet<Guid>();
        foreach (var e in execution.NewEvents)
        {
            switch (e)
            {
                case UserTaskCreated c: tasks.Add(c.Task.Id); break;
                case TaskClaimed c: tasks.Add(c.TaskId); break;
                case TaskUnclaimed c: tasks.Add(c.TaskId); break;
                case TaskAssigned c: tasks.Add(c.TaskId); break;
                case TaskCompleted c: tasks.Add(c.TaskId); break;
                case TaskCancelled c: tasks.Add(c.TaskId); break;
                case JobCreated c: jobs.Add(c.Job.Id); break;
                case JobFired c: jobs.Add(c.JobId); break;
                case JobCancelled c: jobs.Add(c.JobId); break;
                case MessageSubscriptionOpened c: messages.Add(c.Subscription.Id); break;
                case MessageSubscriptionClosed c: messages.Add(c.SubscriptionId); break;
                case SignalSubscriptionOpened c: signals.Add(c.Subscription.Id); break;
                case SignalSubscriptionClosed c: signals.Add(c.SubscriptionId); break;
            }
        }

        return new InstanceChange
        {
            InstanceId = state.InstanceId,
            ExpectedVersion = execution.ExpectedVersion,
            State = state,
            Events = execution.NewEvents,
            TasksSaved = [.. tasks.Where(state.OpenTasks.ContainsKey).Select(id => state.OpenTasks[id])],
            TasksRemoved = [.. tasks.Where(id => !state.OpenTasks.ContainsKey(id))],
            JobsSaved = [.. jobs.Where(state.Jobs.ContainsKey).Select(id => state.Jobs[id])],
            JobsRemoved = [.. jobs.Where(id => !state.Jobs.ContainsKey(id))],
            MessageSubscriptionsOpened = [.. messages.Where(state.MessageSubscriptions.ContainsKey).Select(id => state.MessageSubscriptions[id])],
            MessageSubscriptionsClosed = [.. messages.Where(id => !state.MessageSubscriptions.ContainsKey(id))],
            SignalSubscriptionsOpened = [.. signals.Where(state.SignalSubscriptions.ContainsKey).Select(id => state.SignalSubscriptions[id])],
            SignalSubscriptionsClosed = [.. signals.Where(id => !state.SignalSubscriptions.ContainsKey(id))],
        };
    }
}
