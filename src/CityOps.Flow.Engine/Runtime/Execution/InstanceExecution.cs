using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Versions;

namespace CityOps.Flow.Engine.Runtime.Execution;

/// <summary>
/// One instance inside one command: moves its tokens until every one waits, changing state only by emitting
/// history events. The element behaviours live in the other parts of this class: activities, completion,
/// events and gateways.
/// </summary>
internal sealed partial class InstanceExecution(CommandContext context, ProcessInstanceState state, long expectedVersion, DeployedProcess definition)
{
    private static readonly IReadOnlyDictionary<string, object?> NoVariables = new Dictionary<string, object?>();
    private readonly Queue<Action> _agenda = new();

    public CommandContext Context { get; } = context;
    public ProcessInstanceState State { get; } = state;
    public long ExpectedVersion { get; } = expectedVersion;
    public DeployedProcess Definition { get; } = definition;
    public BpmnProcess Process => Definition.Process;
    public List<HistoryEvent> NewEvents { get; } = [];
    public bool HasWork => _agenda.Count > 0;
    private ExpressionEvaluator Expressions => Context.Expressions;
    private Token Root => State.Tokens[ProcessInstanceState.RootTokenId];

    /// <summary>Runs queued steps until every token waits; then lets inclusive joins that nothing can reach any more fire.</summary>
    public void Drain()
    {
        while (true)
        {
            while (_agenda.TryDequeue(out var step)) step();
            if (!FireUnblockedInclusiveJoins()) return;
        }
    }

    public void Emit(HistoryEvent e)
    {
        State.Apply(e);
        NewEvents.Add(e);
    }

    public EventHeader Header(string? elementId) =>
        new(State.LastSequence + 1, State.InstanceId, Context.Now, Context.Actor, elementId);

    private void Schedule(Action step)
    {
        _agenda.Enqueue(step);
        Context.MarkBusy(this);
    }

    /// <summary>Runs <paramref name="step"/> later if the token still exists then.</summary>
    private void Schedule(long tokenId, Action<Token> step) => Schedule(() =>
    {
        if (State.Tokens.TryGetValue(tokenId, out var token)) step(token);
    });

    private Token CreateToken(string elementId, long parentId, string? flowId)
    {
        var id = State.NextTokenId;
        Emit(new TokenCreated(Header(elementId), id, parentId, flowId));
        return State.Tokens[id];
    }

    private void Consume(Token token) => Emit(new TokenConsumed(Header(token.ElementId), token.Id));

    private FlowNode NodeOf(Token token) => Process.Node(token.ElementId);

    private bool IsRoot(Token token) => token.Id == ProcessInstanceState.RootTokenId;

    /// <summary>An inner instance of a multi-instance activity: its parent is the body, at the same element.</summary>
    private bool IsInner(Token token) =>
        token.ParentId is { } parent && State.Tokens.TryGetValue(parent, out var body) && body.ElementId == token.ElementId;

    private bool IsBody(Token token) => !IsRoot(token) && NodeOf(token) is Activity { MultiInstance: not null } && !IsInner(token);

    /// <summary>Tokens whose element holds child tokens: the instance, a sub-process (or one inner instance of it), an event sub-process.</summary>
    private bool IsScope(Token token) => IsRoot(token) || (NodeOf(token) is SubProcess or EventSubProcess && !IsBody(token));

    private string ScopeIdOf(Token token) => IsRoot(token) ? Process.Id : token.ElementId;

    private List<Token> Children(long scopeTokenId)
    {
        var children = new List<Token>();
        foreach (var token in State.Tokens.Values)
        {
            if (token.ParentId == scopeTokenId) children.Add(token);
        }

        return children;
    }

    private bool HasChildren(long scopeTokenId)
    {
        foreach (var token in State.Tokens.Values)
        {
            if (token.ParentId == scopeTokenId) return true;
        }

        return false;
    }

    /// <summary>The variables an expression at this token sees: its own, then each enclosing scope's, then the instance's.</summary>
    public Dictionary<string, object?> Visible(long tokenId)
    {
        var chain = new List<long>(4);
        for (long? id = tokenId; id is { } current && State.Tokens.TryGetValue(current, out var token); id = token.ParentId)
        {
            chain.Add(current);
        }

        if (chain.Count == 0) chain.Add(ProcessInstanceState.RootTokenId);
        var visible = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var (name, value) in State.LocalVariables(chain[i])) visible[name] = value;
        }

        return visible;
    }

    public void SetLocal(long scopeTokenId, string name, object? value)
    {
        var local = State.LocalVariables(scopeTokenId);
        if (local.TryGetValue(name, out var current) && Equals(current, value)) return;
        var elementId = State.Tokens.TryGetValue(scopeTokenId, out var scope) ? scope.ElementId : Process.Id;
        Emit(new VariableSet(Header(elementId), scopeTokenId, name, value));
    }

    /// <summary>
    /// Zeebe's propagation: each variable goes to the nearest enclosing scope that already has it, else to the instance.
    /// Local variables of <paramref name="from"/> itself (input mappings, loop element) are not written.
    /// </summary>
    private void Propagate(Token from, IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var (name, value) in variables)
        {
            var target = ProcessInstanceState.RootTokenId;
            for (var id = from.ParentId; id is { } current && State.Tokens.TryGetValue(current, out var scope); id = scope.ParentId)
            {
                if (State.LocalVariables(current).ContainsKey(name))
                {
                    target = current;
                    break;
                }
            }

            SetLocal(target, name, value);
        }
    }

    private void RaiseIncident(Token token, IncidentKind kind, string message) =>
        Emit(new IncidentRaised(Header(token.ElementId), new IncidentRecord
        {
            Id = Guid.NewGuid(),
            TokenId = token.Id,
            ElementId = token.ElementId,
            Kind = kind,
            Message = message,
            RaisedAt = Context.Now,
        }));
}
