using CityOps.Flow.Engine.Bpmn.Model;

namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>Checks the shape of a read process: flows that lead somewhere, gateways with a way out, proper starts.</summary>
internal static class ProcessValidator
{
    public static void Validate(BpmnProcess process, ProcessContext context)
    {
        CheckFlows(process, context);
        CheckScope(process, process, context);
        foreach (var node in process.AllNodes)
        {
            CheckNode(process, node, context);
            if (node is SubProcess subProcess)
            {
                CheckScope(process, subProcess, context);
            }
        }
    }

    private static void CheckFlows(BpmnProcess process, ProcessContext context)
    {
        foreach (var flow in process.AllFlows)
        {
            foreach (var (end, role) in new[] { (flow.SourceId, "comes from"), (flow.TargetId, "goes to") })
            {
                if (end.Length == 0)
                {
                    continue;
                }

                var node = process.FindNode(end);
                if (node is null)
                {
                    context.Broken(flow.Position, flow.Id, $"sequence flow '{flow.Id}' {role} '{end}', which is not an element of process '{process.Id}'");
                }
                else if (node.ScopeId != flow.ScopeId)
                {
                    context.Broken(flow.Position, flow.Id, $"sequence flow '{flow.Id}' {role} '{end}' across a sub-process boundary; flows stay inside their scope");
                }
            }
        }
    }

    private static void CheckScope(BpmnProcess process, IFlowScope scope, ProcessContext context)
    {
        var starts = process.StartEventsOf(scope.Id);
        var position = scope is FlowNode node ? node.Position : process.Position;
        if (scope is BpmnProcess && starts.Count == 0)
        {
            context.Require(position, scope.Id, $"process '{scope.Id}' has no start event, so no instance could start");
        }

        if (scope is SubProcess && (starts.Count != 1 || starts[0].Definition is not null))
        {
            context.Require(position, scope.Id, $"sub-process '{scope.Id}' needs exactly one none start event, it has {starts.Count} start event(s)");
        }
    }

    private static void CheckNode(BpmnProcess process, FlowNode node, ProcessContext context)
    {
        var incoming = process.Incoming(node.Id);
        var outgoing = process.Outgoing(node.Id);
        void Require(string message) => context.Require(node.Position, node.Id, message);

        switch (node)
        {
            case StartEvent:
                if (incoming.Count > 0)
                {
                    Require($"start event '{node.Id}' has incoming sequence flows");
                }

                if (outgoing.Count == 0)
                {
                    Require($"start event '{node.Id}' has no outgoing sequence flow, so it leads nowhere");
                }

                return;
            case EndEvent when outgoing.Count > 0:
                Require($"end event '{node.Id}' has outgoing sequence flows");
                break;
            case IntermediateCatchEvent or IntermediateThrowEvent when outgoing.Count == 0:
                context.Warn(node.Position, node.Id, $"intermediate event '{node.Id}' has no outgoing sequence flow, so its path ends there");
                break;
            case BoundaryEvent boundary:
                CheckBoundary(process, boundary, incoming.Count, outgoing.Count, context);
                return;
            case EventSubProcess:
                if (incoming.Count > 0 || outgoing.Count > 0)
                {
                    Require($"event sub-process '{node.Id}' has sequence flows; it starts by its event, not by a flow");
                }

                return;
            case Gateway gateway:
                CheckGateway(process, gateway, outgoing, context);
                break;
            case Activity { DefaultFlowId: { } defaultFlow } when outgoing.All(f => f.Id != defaultFlow):
                context.Broken(node.Position, node.Id, $"the default flow '{defaultFlow}' of '{node.Id}' is not one of its outgoing flows");
                break;
        }

        var startsItsScope = process.Scope(node.ScopeId) is EventSubProcess && node is StartEvent;
        if (incoming.Count == 0 && !startsItsScope && node is not ViewOnlyNode)
        {
            context.Warn(node.Position, node.Id, $"'{node.Id}' has no incoming sequence flow, so it is never reached");
        }
    }

    private static void CheckBoundary(BpmnProcess process, BoundaryEvent boundary, int incoming, int outgoing, ProcessContext context)
    {
        if (incoming > 0)
        {
            context.Require(boundary.Position, boundary.Id, $"boundary event '{boundary.Id}' has incoming sequence flows");
        }

        if (outgoing == 0)
        {
            context.Warn(boundary.Position, boundary.Id, $"boundary event '{boundary.Id}' has no outgoing sequence flow, so when it fires its path ends there");
        }

        if (boundary.AttachedToId.Length == 0)
        {
            return;
        }

        switch (process.FindNode(boundary.AttachedToId))
        {
            case null:
                context.Broken(boundary.Position, boundary.Id, $"boundary event '{boundary.Id}' is attached to '{boundary.AttachedToId}', which is not an element of process '{process.Id}'");
                break;
            case Activity activity when activity.ScopeId != boundary.ScopeId:
                context.Broken(boundary.Position, boundary.Id, $"boundary event '{boundary.Id}' is not in the same scope as '{activity.Id}', the activity it is attached to");
                break;
            case Activity or ViewOnlyNode:
                break;
            case var other:
                context.Require(boundary.Position, boundary.Id,
                    $"boundary event '{boundary.Id}' is attached to {other.GetType().Name} '{other.Id}'; boundary events attach only to tasks, sub-processes and call activities");
                break;
        }
    }

    private static void CheckGateway(BpmnProcess process, Gateway gateway, IReadOnlyList<SequenceFlow> outgoing, ProcessContext context)
    {
        if (outgoing.Count == 0)
        {
            context.Require(gateway.Position, gateway.Id, $"gateway '{gateway.Id}' has no outgoing sequence flow: no way out");
            return;
        }

        if (gateway.DefaultFlowId is { } defaultFlow && outgoing.All(f => f.Id != defaultFlow))
        {
            context.Broken(gateway.Position, gateway.Id, $"the default flow '{defaultFlow}' of gateway '{gateway.Id}' is not one of its outgoing flows");
        }

        switch (gateway)
        {
            case ParallelGateway:
                foreach (var flow in outgoing.Where(f => f.Condition is not null))
                {
                    context.Require(flow.Position, flow.Id, $"flow '{flow.Id}' leaves parallel gateway '{gateway.Id}' with a condition, which a parallel gateway never evaluates");
                }

                break;
            case EventBasedGateway:
                CheckEventBasedGateway(process, gateway, outgoing, context);
                break;
            case ExclusiveGateway or InclusiveGateway when outgoing.Count > 1:
                foreach (var flow in outgoing.Where(f => f.Condition is null && !f.IsDefault))
                {
                    context.Require(flow.Position, flow.Id, $"flow '{flow.Id}' leaves gateway '{gateway.Id}' with no condition and is not its default flow");
                }

                if (gateway.DefaultFlowId is null && outgoing.All(f => f.Condition is not null)
                    && ConditionCoverage.MayAllBeFalse(outgoing.Select(f => f.Condition!).ToList()))
                {
                    context.Warn(gateway.Position, gateway.Id,
                        $"every flow leaving gateway '{gateway.Id}' has a condition and there is no default flow; when no condition holds the instance stops with an incident");
                }

                break;
        }
    }

    private static void CheckEventBasedGateway(BpmnProcess process, Gateway gateway, IReadOnlyList<SequenceFlow> outgoing, ProcessContext context)
    {
        if (outgoing.Count < 2)
        {
            context.Require(gateway.Position, gateway.Id, $"event-based gateway '{gateway.Id}' needs at least two outgoing flows to choose between");
        }

        foreach (var flow in outgoing)
        {
            if (flow.Condition is not null)
            {
                context.Require(flow.Position, flow.Id, $"flow '{flow.Id}' leaves event-based gateway '{gateway.Id}' with a condition; the event that happens first decides");
            }

            var target = process.FindNode(flow.TargetId);
            var waits = target is ReceiveTask
                || target is IntermediateCatchEvent { Definition: TimerEventDefinition or MessageEventDefinition or SignalEventDefinition };
            if (target is not null && !waits && target is not ViewOnlyNode)
            {
                context.Require(flow.Position, flow.Id,
                    $"event-based gateway '{gateway.Id}' is followed by '{target.Id}'; only timer, message or signal catch events and receive tasks may follow it");
            }
        }
    }
}
