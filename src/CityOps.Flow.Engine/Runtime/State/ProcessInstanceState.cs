using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Runtime.Messages;
using CityOps.Flow.Engine.Runtime.Tasks;

namespace CityOps.Flow.Engine.Runtime.State;

/// <summary>
/// The state of one instance: its token tree, scoped variables, open tasks, timers, subscriptions and incidents.
/// It changes only through <see cref="Apply"/>, so the live state and the state replayed from history are the
/// same fold over the same events.
/// </summary>
public sealed class ProcessInstanceState
{
    public const long RootTokenId = 1;

    private readonly Dictionary<long, Token> _tokens = [];
    private readonly Dictionary<long, Dictionary<string, object?>> _variables = [];
    private readonly Dictionary<Guid, UserTaskRecord> _tasks = [];
    private readonly Dictionary<Guid, JobRecord> _jobs = [];
    private readonly Dictionary<Guid, MessageSubscriptionRecord> _messageSubscriptions = [];
    private readonly Dictionary<Guid, SignalSubscriptionRecord> _signalSubscriptions = [];
    private readonly Dictionary<Guid, IncidentRecord> _incidents = [];

    public Guid InstanceId { get; private set; }
    public string ProcessId { get; private set; } = "";
    public int ProcessVersion { get; private set; }
    public string? BusinessKey { get; private set; }
    public Guid? ParentInstanceId { get; private set; }
    public long? ParentTokenId { get; private set; }
    public InstanceStatus Status { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>The sequence number of the last event applied.</summary>
    public long LastSequence { get; private set; }
    /// <summary>The id the next created token takes.</summary>
    public long NextTokenId { get; private set; } = RootTokenId;

    public IReadOnlyDictionary<long, Token> Tokens => _tokens;
    /// <summary>Variables by scope token id; token 1 holds the instance's variables.</summary>
    public IReadOnlyDictionary<long, Dictionary<string, object?>> Variables => _variables;
    public IReadOnlyDictionary<Guid, UserTaskRecord> OpenTasks => _tasks;
    public IReadOnlyDictionary<Guid, JobRecord> Jobs => _jobs;
    public IReadOnlyDictionary<Guid, MessageSubscriptionRecord> MessageSubscriptions => _messageSubscriptions;
    public IReadOnlyDictionary<Guid, SignalSubscriptionRecord> SignalSubscriptions => _signalSubscriptions;
    public IReadOnlyDictionary<Guid, IncidentRecord> Incidents => _incidents;

    public bool IsEnded => Status != InstanceStatus.Active;

    /// <summary>The local variables of a scope token (empty when it has none).</summary>
    public IReadOnlyDictionary<string, object?> LocalVariables(long scopeTokenId) =>
        _variables.TryGetValue(scopeTokenId, out var local) ? local : Empty;

    /// <summary>Tokens whose parent is <paramref name="scopeTokenId"/>.</summary>
    public IEnumerable<Token> ChildrenOf(long scopeTokenId) => _tokens.Values.Where(t => t.ParentId == scopeTokenId);

    /// <summary>Folds one event into the state. Events must come in sequence order.</summary>
    public void Apply(HistoryEvent e)
    {
        switch (e)
        {
            case InstanceStarted s:
                InstanceId = s.InstanceId;
                ProcessId = s.ProcessId;
                ProcessVersion = s.ProcessVersion;
                BusinessKey = s.BusinessKey;
                ParentInstanceId = s.ParentInstanceId;
                ParentTokenId = s.ParentTokenId;
                Status = InstanceStatus.Active;
                StartedAt = s.Time;
                _tokens[RootTokenId] = new Token { Id = RootTokenId, ParentId = null, ElementId = s.ProcessId, Phase = TokenPhase.Active };
                NextTokenId = RootTokenId + 1;
                break;
            case InstanceCompleted:
                End(InstanceStatus.Completed, e.Time);
                break;
            case InstanceCancelled:
                End(InstanceStatus.Cancelled, e.Time);
                break;
            case TokenCreated c:
                _tokens[c.TokenId] = new Token { Id = c.TokenId, ParentId = c.ParentTokenId, ElementId = c.ElementId!, ArrivedVia = c.FlowId };
                NextTokenId = Math.Max(NextTokenId, c.TokenId + 1);
                break;
            case ElementEntered entered:
                _tokens[entered.TokenId].Phase = TokenPhase.Active;
                break;
            case ElementLeft left:
                _tokens[left.TokenId].Phase = TokenPhase.Left;
                break;
            case TokenConsumed consumed:
                _tokens.Remove(consumed.TokenId);
                _variables.Remove(consumed.TokenId);
                break;
            case VariableSet v:
                if (!_variables.TryGetValue(v.ScopeTokenId, out var scope))
                {
                    scope = new Dictionary<string, object?>(StringComparer.Ordinal);
                    _variables[v.ScopeTokenId] = scope;
                }

                scope[v.Name] = v.Value;
                break;
            case UserTaskCreated t:
                _tasks[t.Task.Id] = t.Task;
                break;
            case TaskClaimed claimed:
                _tasks[claimed.TaskId] = _tasks[claimed.TaskId] with { Assignee = claimed.UserId };
                break;
            case TaskUnclaimed unclaimed:
                _tasks[unclaimed.TaskId] = _tasks[unclaimed.TaskId] with { Assignee = null };
                break;
            case TaskAssigned assigned:
                _tasks[assigned.TaskId] = _tasks[assigned.TaskId] with { Assignee = assigned.Assignee };
                break;
            case TaskCompleted done:
                _tasks.Remove(done.TaskId);
                break;
            case TaskCancelled cancelled:
                _tasks.Remove(cancelled.TaskId);
                break;
            case JobCreated job:
                _jobs[job.Job.Id] = job.Job;
                break;
            case JobFired fired:
                _jobs.Remove(fired.JobId);
                break;
            case JobCancelled jobCancelled:
                _jobs.Remove(jobCancelled.JobId);
                break;
            case MessageSubscriptionOpened opened:
                _messageSubscriptions[opened.Subscription.Id] = opened.Subscription;
                break;
            case MessageSubscriptionClosed closed:
                _messageSubscriptions.Remove(closed.SubscriptionId);
                break;
            case SignalSubscriptionOpened signalOpened:
                _signalSubscriptions[signalOpened.Subscription.Id] = signalOpened.Subscription;
                break;
            case SignalSubscriptionClosed signalClosed:
                _signalSubscriptions.Remove(signalClosed.SubscriptionId);
                break;
            case IncidentRaised incident:
                _incidents[incident.Incident.Id] = incident.Incident;
                break;
            case IncidentResolved resolved:
                _incidents.Remove(resolved.IncidentId);
                break;
            case ChildInstanceStarted child:
                _tokens[child.TokenId].CalledInstanceId = child.ChildInstanceId;
                break;
            case LoopStarted loop:
                _tokens[loop.BodyTokenId].LoopItems = loop.Items;
                break;
            case MessageCorrelated or SignalReceived or SignalThrown or EscalationRaised or ErrorThrown or DecisionEvaluated:
                break;
            default:
                throw new InvalidOperationException($"No fold for history event {e.GetType().Name}.");
        }

        LastSequence = e.Sequence;
    }

    /// <summary>A deep copy whose changes do not reach this state (variable values are immutable and shared).</summary>
    public ProcessInstanceState Clone()
    {
        var copy = new ProcessInstanceState
        {
            InstanceId = InstanceId,
            ProcessId = ProcessId,
            ProcessVersion = ProcessVersion,
            BusinessKey = BusinessKey,
            ParentInstanceId = ParentInstanceId,
            ParentTokenId = ParentTokenId,
            Status = Status,
            StartedAt = StartedAt,
            EndedAt = EndedAt,
            LastSequence = LastSequence,
            NextTokenId = NextTokenId,
        };
        foreach (var (id, token) in _tokens) copy._tokens[id] = token.Clone();
        foreach (var (id, scope) in _variables) copy._variables[id] = new Dictionary<string, object?>(scope, StringComparer.Ordinal);
        foreach (var (id, task) in _tasks) copy._tasks[id] = task;
        foreach (var (id, job) in _jobs) copy._jobs[id] = job;
        foreach (var (id, s) in _messageSubscriptions) copy._messageSubscriptions[id] = s;
        foreach (var (id, s) in _signalSubscriptions) copy._signalSubscriptions[id] = s;
        foreach (var (id, i) in _incidents) copy._incidents[id] = i;
        return copy;
    }

    private void End(InstanceStatus status, DateTimeOffset at)
    {
        Status = status;
        EndedAt = at;
        var root = _variables.GetValueOrDefault(RootTokenId);
        _tokens.Clear();
        _variables.Clear();
        if (root is not null) _variables[RootTokenId] = root;
        _tasks.Clear();
        _jobs.Clear();
        _messageSubscriptions.Clear();
        _signalSubscriptions.Clear();
    }

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();
}
