using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Engine.Runtime.Execution;

// Gateways: choosing flows when splitting, waiting for partners when joining.
internal sealed partial class InstanceExecution
{
    private void PerformGateway(Token token, Gateway gateway)
    {
        switch (gateway)
        {
            case ParallelGateway:
                Leave(token, Process.Outgoing(gateway.Id));
                break;
            case ExclusiveGateway:
                if (ChooseFlows(token, gateway, firstOnly: true) is { } exclusive) Leave(token, exclusive);
                break;
            case InclusiveGateway:
                if (ChooseFlows(token, gateway, firstOnly: false) is { } inclusive) Leave(token, inclusive);
                break;
            case EventBasedGateway:
                foreach (var flow in Process.Outgoing(gateway.Id))
                {
                    switch (Process.Node(flow.TargetId))
                    {
                        case IntermediateCatchEvent { Definition: { } definition } catchEvent:
                            OpenWait(token, token, definition, catchEvent.Id);
                            break;
                        case ReceiveTask receive:
                            OpenMessageWait(token, receive.Message, receive.Id);
                            break;
                    }
                }

                break;
        }
    }

    /// <summary>Exclusive: the first flow whose condition holds; inclusive: all of them; else the default; else an incident.</summary>
    private IReadOnlyList<SequenceFlow>? ChooseFlows(Token token, Gateway gateway, bool firstOnly)
    {
        var outgoing = Process.Outgoing(gateway.Id);
        if (outgoing.Count == 1 && outgoing[0].Condition is null) return outgoing;
        var visible = Visible(token.Id);
        var taken = new List<SequenceFlow>();
        foreach (var flow in outgoing)
        {
            if (flow.IsDefault || flow.Id == gateway.DefaultFlowId) continue;
            if (flow.Condition is { } condition)
            {
                var holds = Expressions.Condition(condition, visible);
                if (holds.Failed)
                {
                    RaiseIncident(token, IncidentKind.ExpressionFailed, $"Condition of flow '{flow.Id}': {holds.Error}");
                    return null;
                }

                if (holds.Value is not true) continue;
            }

            taken.Add(flow);
            if (firstOnly) return taken;
        }

        if (taken.Count == 0 && Process.DefaultFlowOf(gateway.Id) is { } fallback) taken.Add(fallback);
        if (taken.Count == 0)
        {
            RaiseIncident(token, IncidentKind.NoOutgoingFlow, $"No condition of gateway '{gateway.Id}' holds and it has no default flow.");
            return null;
        }

        return taken;
    }

    /// <summary>
    /// A token waits at a joining gateway. A parallel join fires when every incoming flow has a token; an inclusive
    /// join when no other token of the scope can still reach it.
    /// </summary>
    private bool TryJoin(long scopeId, Gateway gateway)
    {
        var waiting = new List<Token>();
        var others = new List<Token>();
        foreach (var token in State.Tokens.Values)
        {
            if (token.ParentId != scopeId) continue;
            if (token.ElementId == gateway.Id && token.Phase == TokenPhase.Arrived) waiting.Add(token);
            else if (token.Phase != TokenPhase.Left) others.Add(token);
        }

        if (waiting.Count == 0) return false;
        waiting.Sort((a, b) => a.Id.CompareTo(b.Id));
        List<Token> joined;
        if (gateway is ParallelGateway)
        {
            joined = [];
            foreach (var flow in Process.Incoming(gateway.Id))
            {
                var arrived = waiting.Find(t => t.ArrivedVia == flow.Id);
                if (arrived is null) return false;
                joined.Add(arrived);
            }
        }
        else
        {
            foreach (var other in others)
            {
                if (Definition.CanReach(other.ElementId, gateway.Id)) return false;
            }

            joined = waiting;
        }

        var survivor = joined.MinBy(t => t.Id)!;
        foreach (var token in joined)
        {
            if (token != survivor) Consume(token);
        }

        Enter(survivor);
        return true;
    }

    /// <summary>After every step ran, a branch may have ended elsewhere so that an inclusive join no longer waits for it.</summary>
    private bool FireUnblockedInclusiveJoins()
    {
        List<(long Scope, Gateway Gateway)>? candidates = null;
        foreach (var token in State.Tokens.Values)
        {
            if (token.Phase == TokenPhase.Arrived && !IsRoot(token) && NodeOf(token) is InclusiveGateway gateway && Process.Incoming(gateway.Id).Count > 1)
            {
                (candidates ??= []).Add((token.ParentId!.Value, gateway));
            }
        }

        if (candidates is null) return false;
        var fired = false;
        foreach (var (scope, gateway) in candidates.Distinct())
        {
            fired |= TryJoin(scope, gateway);
        }

        return fired || HasWork;
    }
}
