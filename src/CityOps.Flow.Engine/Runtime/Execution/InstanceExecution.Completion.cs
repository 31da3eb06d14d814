using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Engine.Runtime.Execution;

// Completing elements: output mappings, leaving by sequence flows, scopes that run out of tokens, multi-instance bodies.
internal sealed partial class InstanceExecution
{
    /// <summary>The element's work produced variables (task form, handler, message, child instance); then it completes.</summary>
    private void CompleteWith(Token token, IReadOnlyDictionary<string, object?> variables)
    {
        if (variables.Count > 0)
        {
            if (NodeOf(token).IoMapping is { Outputs.Count: > 0 })
            {
                foreach (var (name, value) in variables) SetLocal(token.Id, name, value);
            }
            else
            {
                Propagate(token, variables);
            }
        }

        Complete(token);
    }

    private void Complete(Token token)
    {
        var node = NodeOf(token);
        if (IsBody(token))
        {
            if (((Activity)node).MultiInstance!.OutputCollection is { } collection)
            {
                Propagate(token, new Dictionary<string, object?> { [collection] = State.LocalVariables(token.Id).GetValueOrDefault(collection) });
            }

            CloseWaits(token);
            if (OutgoingOf(token, node) is { } bodyFlows) Leave(token, bodyFlows);
            return;
        }

        if (node.IoMapping is { Outputs.Count: > 0 } mapping)
        {
            var visible = Visible(token.Id);
            var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var output in mapping.Outputs)
            {
                var value = Expressions.Value(output.Source, visible);
                if (value.Failed)
                {
                    RaiseIncident(token, IncidentKind.ExpressionFailed, $"Output mapping '{output.Target}' of '{node.Id}': {value.Error}");
                    return;
                }

                outputs[output.Target] = value.Value;
            }

            Propagate(token, outputs);
        }

        CloseWaits(token);
        if (IsInner(token))
        {
            Emit(new ElementLeft(Header(node.Id), token.Id, true));
            InnerInstanceCompleted(State.Tokens[token.ParentId!.Value], token);
            return;
        }

        if (OutgoingOf(token, node) is { } flows) Leave(token, flows);
    }

    /// <summary>
    /// The flows an element (not a gateway) takes: unconditional ones and those whose condition holds; the default
    /// flow only when no condition holds. Null when an incident stopped the token.
    /// </summary>
    private IReadOnlyList<SequenceFlow>? OutgoingOf(Token token, FlowNode node)
    {
        var outgoing = Process.Outgoing(node.Id);
        if (outgoing.Count == 0) return outgoing;
        var conditional = false;
        foreach (var flow in outgoing)
        {
            if (flow.Condition is not null || flow.IsDefault) conditional = true;
        }

        if (!conditional) return outgoing;
        var taken = new List<SequenceFlow>();
        var anyConditionHeld = false;
        Dictionary<string, object?>? visible = null;
        foreach (var flow in outgoing)
        {
            if (flow.IsDefault) continue;
            if (flow.Condition is null)
            {
                taken.Add(flow);
                continue;
            }

            visible ??= Visible(token.Id);
            var holds = Expressions.Condition(flow.Condition, visible);
            if (holds.Failed)
            {
                RaiseIncident(token, IncidentKind.ExpressionFailed, $"Condition of flow '{flow.Id}': {holds.Error}");
                return null;
            }

            if (holds.Value is true)
            {
                taken.Add(flow);
                anyConditionHeld = true;
            }
        }

        if (!anyConditionHeld && Process.DefaultFlowOf(node.Id) is { } fallback) taken.Add(fallback);
        return taken;
    }

    /// <summary>The token leaves its element: one new token per flow taken; with none, its scope may be done.</summary>
    private void Leave(Token token, IReadOnlyList<SequenceFlow> flows)
    {
        Emit(new ElementLeft(Header(token.ElementId), token.Id, true));
        var parentId = token.ParentId!.Value;
        foreach (var flow in flows)
        {
            var next = CreateToken(flow.TargetId, parentId, flow.Id);
            Schedule(next.Id, Arrive);
        }

        Consume(token);
        if (flows.Count == 0) ScopeMayBeDone(parentId);
    }

    /// <summary>A scope with no tokens left completes: the instance, a sub-process, or an event sub-process.</summary>
    private void ScopeMayBeDone(long scopeTokenId)
    {
        if (!State.Tokens.TryGetValue(scopeTokenId, out var scope) || HasChildren(scopeTokenId)) return;
        if (IsRoot(scope))
        {
            CompleteInstance();
            return;
        }

        if (IsBody(scope)) return;
        if (NodeOf(scope) is EventSubProcess)
        {
            CloseWaits(scope);
            Emit(new ElementLeft(Header(scope.ElementId), scope.Id, true));
            var parent = scope.ParentId!.Value;
            Consume(scope);
            ScopeMayBeDone(parent);
            return;
        }

        Schedule(scope.Id, Complete);
    }

    private void CompleteInstance()
    {
        if (State.IsEnded) return;
        CloseWaits(Root);
        var variables = new Dictionary<string, object?>(State.LocalVariables(ProcessInstanceState.RootTokenId));
        Emit(new InstanceCompleted(Header(Process.Id)));
        if (State.ParentInstanceId is { } parentId && State.ParentTokenId is { } parentToken)
        {
            Context.Load(parentId)?.ChildCompleted(parentToken, State.InstanceId, variables);
        }
    }

    private void EnterMultiInstanceBody(Token body, Activity activity, MultiInstanceLoop loop)
    {
        var visible = Visible(body.Id);
        IReadOnlyList<object?> items;
        if (loop.InputCollection is { } input)
        {
            var collection = Expressions.Evaluate(input, visible);
            if (collection.Failed || collection.Value is not IEnumerable<object?> list)
            {
                RaiseIncident(body, IncidentKind.ExpressionFailed,
                    $"Input collection of '{activity.Id}' is not a list: {collection.Error ?? ExpressionEvaluator.Text(collection.Value) ?? "null"}");
                return;
            }

            items = [.. list];
        }
        else if (loop.LoopCardinality is { } cardinality && Expressions.Evaluate(cardinality, visible) is { Value: decimal count })
        {
            items = [.. Enumerable.Range(1, (int)count).Select(i => (object?)(decimal)i)];
        }
        else
        {
            RaiseIncident(body, IncidentKind.ExpressionFailed, $"Multi-instance '{activity.Id}' has neither an input collection nor a cardinality.");
            return;
        }

        Emit(new LoopStarted(Header(activity.Id), body.Id, items));
        SetLocal(body.Id, "numberOfInstances", (decimal)items.Count);
        SetLocal(body.Id, "numberOfCompletedInstances", 0m);
        SetLocal(body.Id, "numberOfActiveInstances", 0m);
        if (loop.OutputCollection is { } output) SetLocal(body.Id, output, new List<object?>(new object?[items.Count]));
        OpenBoundaryEvents(body);
        if (items.Count == 0)
        {
            Complete(body);
            return;
        }

        for (var i = 0; i < (loop.IsSequential ? 1 : items.Count); i++) StartInnerInstance(body, loop, i);
    }

    private void StartInnerInstance(Token body, MultiInstanceLoop loop, int index)
    {
        var inner = CreateToken(body.ElementId, body.Id, null);
        SetLocal(inner.Id, "loopCounter", (decimal)(index + 1));
        if (loop.InputElement is { } element) SetLocal(inner.Id, element, body.LoopItems![index]);
        SetLocal(body.Id, "numberOfActiveInstances", Counter(body, "numberOfActiveInstances") + 1);
        Schedule(inner.Id, Enter);
    }

    private void InnerInstanceCompleted(Token body, Token inner)
    {
        var loop = ((Activity)NodeOf(body)).MultiInstance!;
        if (loop.OutputCollection is { } output)
        {
            var index = (int)(decimal)State.LocalVariables(inner.Id)["loopCounter"]! - 1;
            object? element = null;
            if (loop.OutputElement is { } outputElement)
            {
                var value = Expressions.Evaluate(outputElement, Visible(inner.Id));
                element = value.Failed ? null : value.Value;
            }

            var collected = new List<object?>((IEnumerable<object?>)State.LocalVariables(body.Id)[output]!);
            collected[index] = element;
            SetLocal(body.Id, output, collected);
        }

        var completed = Counter(body, "numberOfCompletedInstances") + 1;
        SetLocal(body.Id, "numberOfCompletedInstances", completed);
        SetLocal(body.Id, "numberOfActiveInstances", Counter(body, "numberOfActiveInstances") - 1);
        var done = false;
        if (loop.CompletionCondition is { } condition)
        {
            var holds = Expressions.Condition(condition, Visible(inner.Id));
            if (holds.Failed)
            {
                RaiseIncident(inner, IncidentKind.ExpressionFailed, $"Completion condition of '{body.ElementId}': {holds.Error}");
                return;
            }

            done = holds.Value is true;
        }

        Consume(inner);
        if (done)
        {
            foreach (var sibling in Children(body.Id)) Cancel(sibling);
            Schedule(body.Id, Complete);
        }
        else if (loop.IsSequential && completed < body.LoopItems!.Count)
        {
            StartInnerInstance(body, loop, (int)completed);
        }
        else if (!HasChildren(body.Id))
        {
            Schedule(body.Id, Complete);
        }
    }

    private decimal Counter(Token body, string name) =>
        State.LocalVariables(body.Id).GetValueOrDefault(name) is decimal value ? value : 0m;
}
