using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Engine.Runtime.Execution;

// Events that happen: a wait is triggered, an end or throw event runs, errors and escalations look for a catcher.
internal sealed partial class InstanceExecution
{
    /// <summary>A timer, message or signal arrived for <paramref name="catcher"/>, whose wait <paramref name="owner"/> held.</summary>
    private void Trigger(Token owner, FlowNode catcher, IReadOnlyDictionary<string, object?> variables)
    {
        switch (catcher)
        {
            case StartEvent start when Process.FindNode(start.ScopeId) is EventSubProcess eventSubProcess:
                StartEventSubProcess(owner, eventSubProcess, start, variables);
                break;
            case BoundaryEvent boundary:
                TakeBoundary(owner, boundary, variables);
                break;
            case var _ when owner.ElementId == catcher.Id:
                CloseWaits(owner);
                Schedule(owner.Id, t => CompleteWith(t, variables));
                break;
            case var _ when NodeOf(owner) is EventBasedGateway:
                LeaveEventGatewayTowards(owner, catcher, variables);
                break;
        }
    }

    private void TakeBoundary(Token activity, BoundaryEvent boundary, IReadOnlyDictionary<string, object?> variables)
    {
        var parentId = activity.ParentId!.Value;
        if (boundary.CancelActivity) Cancel(activity);
        var token = CreateToken(boundary.Id, parentId, null);
        Emit(new ElementEntered(Header(boundary.Id), token.Id));
        Schedule(token.Id, t => CompleteWith(t, variables));
    }

    private void LeaveEventGatewayTowards(Token gateway, FlowNode catcher, IReadOnlyDictionary<string, object?> variables)
    {
        CloseWaits(gateway);
        var flow = Process.Outgoing(gateway.ElementId).First(f => f.TargetId == catcher.Id);
        Emit(new ElementLeft(Header(gateway.ElementId), gateway.Id, true));
        var token = CreateToken(catcher.Id, gateway.ParentId!.Value, flow.Id);
        Consume(gateway);
        Emit(new ElementEntered(Header(catcher.Id), token.Id));
        Schedule(token.Id, t => CompleteWith(t, variables));
    }

    private void StartEventSubProcess(Token scope, EventSubProcess eventSubProcess, StartEvent start, IReadOnlyDictionary<string, object?> variables)
    {
        if (eventSubProcess.IsInterrupting)
        {
            CloseWaits(scope, catchId => Process.FindNode(catchId) is StartEvent);
            foreach (var child in Children(scope.Id)) Cancel(child);
        }

        var body = CreateToken(eventSubProcess.Id, scope.Id, null);
        Emit(new ElementEntered(Header(eventSubProcess.Id), body.Id));
        if (variables.Count > 0) Propagate(body, variables);
        var first = CreateToken(start.Id, body.Id, null);
        Emit(new ElementEntered(Header(start.Id), first.Id));
        Schedule(first.Id, Complete);
    }

    private void PerformEndEvent(Token token, EndEvent end)
    {
        switch (end.Definition)
        {
            case TerminateEventDefinition:
                Terminate(token);
                break;
            case ErrorEventDefinition error:
                ThrowError(token, ErrorCode(error, token), null);
                break;
            case EscalationEventDefinition escalation:
                ThrowEscalation(token, escalation);
                break;
            case MessageEventDefinition { Definition: { } job }:
                RunHandler(token, job, []);
                break;
            case SignalEventDefinition signal:
                BroadcastSignal(token, signal);
                Complete(token);
                break;
            default:
                Complete(token);
                break;
        }
    }

    /// <summary>A signal end or throw event: every waiting element of every instance hears it once this command's steps are done.</summary>
    private void BroadcastSignal(Token token, SignalEventDefinition signal)
    {
        var name = ExpressionEvaluator.Text(Expressions.Value(signal.Signal.Name ?? BpmnValue.FromLiteral(signal.Signal.Id), Visible(token.Id)).Value) ?? "";
        Emit(new SignalThrown(Header(token.ElementId), name));
        Context.BroadcastLater(name, NoVariables);
    }

    private void PerformThrowEvent(Token token, IntermediateThrowEvent throwEvent)
    {
        switch (throwEvent.Definition)
        {
            case SignalEventDefinition signal:
                BroadcastSignal(token, signal);
                Complete(token);
                break;
            case EscalationEventDefinition escalation:
                ThrowEscalation(token, escalation);
                break;
            case MessageEventDefinition { Definition: { } job }:
                RunHandler(token, job, []);
                break;
            default:
                Complete(token);
                break;
        }
    }

    /// <summary>A terminate end event ends its scope at once: every other token in it is cancelled, then the scope completes.</summary>
    private void Terminate(Token end)
    {
        var scopeId = end.ParentId!.Value;
        Emit(new ElementLeft(Header(end.ElementId), end.Id, true));
        Consume(end);
        foreach (var other in Children(scopeId)) Cancel(other);
        ScopeMayBeDone(scopeId);
    }

    private string ErrorCode(ErrorEventDefinition error, Token token)
    {
        if (error.Error?.ErrorCode is not { } code) return error.Error?.Id ?? "";
        return ExpressionEvaluator.Text(Expressions.Value(code, Visible(token.Id)).Value) ?? "";
    }

    private void ThrowError(Token thrower, string code, string? message)
    {
        var catcher = FindCatcher(thrower, definition => definition is ErrorEventDefinition error
            ? error.Error is null ? 1 : ErrorCode(error, thrower) == code ? 2 : 0
            : 0);
        if (catcher is not var (execution, owner, node))
        {
            Emit(new ErrorThrown(Header(thrower.ElementId), code, message, null));
            RaiseIncident(thrower, IncidentKind.UnhandledError, $"Error '{code}' thrown at '{thrower.ElementId}' was not caught{(message is null ? "" : $": {message}")}.");
            return;
        }

        Emit(new ErrorThrown(Header(thrower.ElementId), code, message, node.Id));
        execution.Trigger(owner, node, NoVariables);
    }

    private void ThrowEscalation(Token thrower, EscalationEventDefinition escalation)
    {
        var code = escalation.Escalation?.EscalationCode is { } value
            ? ExpressionEvaluator.Text(Expressions.Value(value, Visible(thrower.Id)).Value)
            : escalation.Escalation?.Id;
        var catcher = FindCatcher(thrower, definition => definition is EscalationEventDefinition caught
            ? caught.Escalation is null ? 1
                : (caught.Escalation.EscalationCode is { } c ? ExpressionEvaluator.Text(Expressions.Value(c, Visible(thrower.Id)).Value) : caught.Escalation.Id) == code ? 2 : 0
            : 0);
        Emit(new EscalationRaised(Header(thrower.ElementId), code, catcher?.Catcher.Id));
        if (catcher is var (execution, owner, node)) execution.Trigger(owner, node, NoVariables);

        // An uncaught or non-interrupting escalation lets the thrower go on; an interrupting catch has cancelled it.
        if (State.Tokens.TryGetValue(thrower.Id, out var still) && still.Phase == TokenPhase.Active) Complete(still);
    }

    /// <summary>
    /// The nearest catcher of an error or escalation, walking up from the thrower: at each scope its event
    /// sub-processes, at each activity its boundary events, and on through the call activity of a parent instance.
    /// <paramref name="match"/> scores a catch definition: 2 for the exact code, 1 for catch-all, 0 for no match.
    /// </summary>
    private (InstanceExecution Execution, Token Owner, FlowNode Catcher)? FindCatcher(Token thrower, Func<EventDefinition?, int> match)
    {
        var execution = this;
        Token? current = thrower;
        while (true)
        {
            while (current is not null)
            {
                if (execution.FindCatcherAt(current, match) is { } found) return (execution, current, found);
                current = current.ParentId is { } parent ? execution.State.Tokens.GetValueOrDefault(parent) : null;
            }

            if (execution.State.ParentInstanceId is not { } parentInstance || execution.State.ParentTokenId is not { } callToken) return null;
            var parentExecution = Context.Load(parentInstance);
            if (parentExecution is null || !parentExecution.State.Tokens.TryGetValue(callToken, out current)) return null;
            execution = parentExecution;
        }
    }

    private FlowNode? FindCatcherAt(Token token, Func<EventDefinition?, int> match)
    {
        FlowNode? best = null;
        var bestScore = 0;
        if (IsScope(token) && NodeOrNull(token) is not EventSubProcess)
        {
            foreach (var eventSubProcess in Definition.EventSubProcessesOf(ScopeIdOf(token)))
            {
                var start = Process.Node<StartEvent>(eventSubProcess.StartEventId);
                var score = match(start.Definition);
                if (score > bestScore) (best, bestScore) = (start, score);
            }
        }

        if (best is null && !IsRoot(token) && NodeOf(token) is Activity && !IsInner(token))
        {
            foreach (var boundary in Process.BoundaryEventsOf(token.ElementId))
            {
                var score = match(boundary.Definition);
                if (score > bestScore) (best, bestScore) = (boundary, score);
            }
        }

        return best;
    }

    private FlowNode? NodeOrNull(Token token) => IsRoot(token) ? null : NodeOf(token);
}
