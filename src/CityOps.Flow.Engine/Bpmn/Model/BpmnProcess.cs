// Design of the executable model
// ------------------------------
// BpmnReader turns BPMN 2.0 XML (zeebe dialect) into immutable records: one BpmnProcess per bpmn:process, whose flow
// nodes are sealed records per supported element kind (UserTask, ServiceTask, ExclusiveGateway, BoundaryEvent, ...)
// carrying their execution details already resolved: message/signal/error/escalation references point at the
// declaration records, timers are parsed, FEEL attributes are BpmnValue/BpmnExpression. Scopes (the process,
// SubProcess, EventSubProcess) hold only their direct children; nodes and flows name their scope by ScopeId and refer
// to other elements by id. BpmnProcess indexes every level once at construction, so the runtime asks the process
// (Node, Outgoing, Incoming, BoundaryEventsOf, StartEventsOf, EventSubProcessesOf, ScopeOf) instead of walking XML-shaped
// trees. FEEL is compiled once by the reader (BpmnExpression.Compiled). Anything unsupported is refused with a
// BpmnProblem; a refused or isExecutable="false" process is still returned for viewing (unsupported elements as
// ViewOnlyNode placeholders) but has IsExecutable == false, so the runtime never starts it. Lanes, artifacts,
// collaborations and the diagram are kept for viewing only.

namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>An executable (or, when <see cref="IsExecutable"/> is false, view-only) process and its lookups.</summary>
public sealed class BpmnProcess : IFlowScope
{
    private static readonly IReadOnlyList<SequenceFlow> NoFlows = [];
    private static readonly IReadOnlyList<BoundaryEvent> NoBoundaryEvents = [];
    private static readonly IReadOnlyList<StartEvent> NoStartEvents = [];
    private static readonly IReadOnlyList<EventSubProcess> NoEventSubProcesses = [];

    private readonly Dictionary<string, FlowNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SequenceFlow> _flows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IFlowScope> _scopes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SequenceFlow>> _outgoing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SequenceFlow>> _incoming = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BoundaryEvent>> _boundaryEvents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StartEvent>> _startEvents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EventSubProcess>> _eventSubProcesses = new(StringComparer.Ordinal);

    public BpmnProcess(
        string id,
        string? name,
        bool isExecutable,
        IReadOnlyList<FlowNode> flowNodes,
        IReadOnlyList<SequenceFlow> sequenceFlows,
        IReadOnlyList<Lane>? lanes = null,
        IReadOnlyList<BpmnArtifact>? artifacts = null,
        SourcePosition position = default)
    {
        Id = id;
        Name = name;
        IsExecutable = isExecutable;
        FlowNodes = flowNodes;
        SequenceFlows = sequenceFlows;
        Lanes = lanes ?? [];
        Artifacts = artifacts ?? [];
        Position = position;
        Index(this);
    }

    public string Id { get; }

    public string? Name { get; }

    /// <summary>False for isExecutable="false": the process loads for viewing and the runtime refuses to start it.</summary>
    public bool IsExecutable { get; }

    /// <summary>The top-level nodes (sub-process contents live in their scopes).</summary>
    public IReadOnlyList<FlowNode> FlowNodes { get; }

    /// <summary>The top-level sequence flows.</summary>
    public IReadOnlyList<SequenceFlow> SequenceFlows { get; }

    public IReadOnlyList<Lane> Lanes { get; }

    public IReadOnlyList<BpmnArtifact> Artifacts { get; }

    public SourcePosition Position { get; }

    /// <summary>Every node at every depth, in document order per scope.</summary>
    public IEnumerable<FlowNode> AllNodes => _nodes.Values;

    /// <summary>Every sequence flow at every depth.</summary>
    public IEnumerable<SequenceFlow> AllFlows => _flows.Values;

    public FlowNode? FindNode(string id) => _nodes.GetValueOrDefault(id);

    /// <summary>The node with this id; a missing id is a bug in the caller.</summary>
    public FlowNode Node(string id) =>
        _nodes.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"Process '{Id}' has no flow node '{id}'.");

    public T Node<T>(string id) where T : FlowNode =>
        Node(id) as T ?? throw new InvalidCastException($"Flow node '{id}' of process '{Id}' is not a {typeof(T).Name}.");

    public SequenceFlow? FindFlow(string id) => _flows.GetValueOrDefault(id);

    public SequenceFlow Flow(string id) =>
        _flows.TryGetValue(id, out var flow) ? flow : throw new KeyNotFoundException($"Process '{Id}' has no sequence flow '{id}'.");

    /// <summary>Outgoing sequence flows of a node, in document order.</summary>
    public IReadOnlyList<SequenceFlow> Outgoing(string nodeId) => _outgoing.TryGetValue(nodeId, out var flows) ? flows : NoFlows;

    /// <summary>Incoming sequence flows of a node, in document order.</summary>
    public IReadOnlyList<SequenceFlow> Incoming(string nodeId) => _incoming.TryGetValue(nodeId, out var flows) ? flows : NoFlows;

    /// <summary>The default outgoing flow of a gateway or activity, if it names one.</summary>
    public SequenceFlow? DefaultFlowOf(string nodeId) => Node(nodeId) switch
    {
        Gateway { DefaultFlowId: { } id } => FindFlow(id),
        Activity { DefaultFlowId: { } id } => FindFlow(id),
        _ => null,
    };

    /// <summary>Boundary events attached to an activity, in document order.</summary>
    public IReadOnlyList<BoundaryEvent> BoundaryEventsOf(string activityId) =>
        _boundaryEvents.TryGetValue(activityId, out var events) ? events : NoBoundaryEvents;

    /// <summary>The start events directly in a scope (not those of its event sub-processes).</summary>
    public IReadOnlyList<StartEvent> StartEventsOf(string scopeId) =>
        _startEvents.TryGetValue(scopeId, out var events) ? events : NoneIn(scopeId, NoStartEvents);

    /// <summary>The none start event of a scope: where the process (or an embedded sub-process) begins.</summary>
    public StartEvent? NoneStartEventOf(string scopeId)
    {
        foreach (var start in StartEventsOf(scopeId))
        {
            if (start.Definition is null)
            {
                return start;
            }
        }

        return null;
    }

    /// <summary>The event sub-processes directly in a scope, active while that scope is.</summary>
    public IReadOnlyList<EventSubProcess> EventSubProcessesOf(string scopeId) =>
        _eventSubProcesses.TryGetValue(scopeId, out var found) ? found : NoneIn(scopeId, NoEventSubProcesses);

    /// <summary>The process itself, or the sub-process / event sub-process with this id.</summary>
    public IFlowScope Scope(string scopeId) =>
        _scopes.TryGetValue(scopeId, out var scope) ? scope : throw new KeyNotFoundException($"Process '{Id}' has no scope '{scopeId}'.");

    /// <summary>The scope directly containing a node or flow.</summary>
    public IFlowScope ScopeOf(string elementId) => _nodes.TryGetValue(elementId, out var node)
        ? Scope(node.ScopeId)
        : _flows.TryGetValue(elementId, out var flow)
            ? Scope(flow.ScopeId)
            : throw new KeyNotFoundException($"Process '{Id}' has no element '{elementId}'.");

    /// <summary>The enclosing scopes of a node, innermost first, ending with the process.</summary>
    public IEnumerable<IFlowScope> AncestorScopesOf(string elementId)
    {
        var scope = ScopeOf(elementId);
        while (true)
        {
            yield return scope;
            if (scope is BpmnProcess)
            {
                yield break;
            }

            scope = ScopeOf(scope.Id);
        }
    }

    private IReadOnlyList<T> NoneIn<T>(string scopeId, IReadOnlyList<T> empty) =>
        _scopes.ContainsKey(scopeId) ? empty : throw new KeyNotFoundException($"Process '{Id}' has no scope '{scopeId}'.");

    private void Index(IFlowScope scope)
    {
        _scopes[scope.Id] = scope;
        foreach (var node in scope.FlowNodes)
        {
            _nodes[node.Id] = node;
            switch (node)
            {
                case BoundaryEvent boundary:
                    Add(_boundaryEvents, boundary.AttachedToId, boundary);
                    break;
                case StartEvent start:
                    Add(_startEvents, scope.Id, start);
                    break;
                case EventSubProcess eventSubProcess:
                    Add(_eventSubProcesses, scope.Id, eventSubProcess);
                    break;
            }

            if (node is IFlowScope nested)
            {
                Index(nested);
            }
        }

        foreach (var flow in scope.SequenceFlows)
        {
            _flows[flow.Id] = flow;
            Add(_outgoing, flow.SourceId, flow);
            Add(_incoming, flow.TargetId, flow);
        }
    }

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T item)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(item);
    }
}
