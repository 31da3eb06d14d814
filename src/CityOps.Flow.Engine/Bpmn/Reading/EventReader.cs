using System.Xml.Linq;
using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Scheduling.Timers;

namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>Reads start, end, intermediate and boundary events and checks each has a trigger its position allows.</summary>
internal sealed class EventReader(ProcessContext context)
{
    private static readonly string[] ProcessStarts = ["none", "message", "timer", "signal"];
    private static readonly string[] SubProcessStarts = ["none"];
    private static readonly string[] EventSubProcessStarts = ["message", "timer", "signal", "error", "escalation"];
    private static readonly string[] Ends = ["none", "terminate", "error", "escalation", "message", "signal"];
    private static readonly string[] Catches = ["timer", "message", "signal"];
    private static readonly string[] Throws = ["none", "escalation", "signal", "message"];
    private static readonly string[] Boundaries = ["timer", "message", "signal", "error", "escalation"];

    public FlowNode Read(XElement element, string id, string scopeId, ScopeKind scopeKind)
    {
        var local = element.Name.LocalName;
        var definitions = element.Elements()
            .Where(e => e.Name.Namespace == BpmnNames.Model && (e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal) || e.Name.LocalName == "eventDefinitionRef"))
            .ToList();
        if (definitions.Count > 1)
        {
            context.Refuse(element, id, $"'{id}' has {definitions.Count} event definitions; events with several triggers (multiple events) are not supported");
        }

        var definitionElement = definitions.FirstOrDefault();
        if (definitionElement is not null && UnsupportedElements.EventDefinitions.TryGetValue(definitionElement.Name.LocalName, out var reason))
        {
            context.Refuse(definitionElement, id, reason);
            return new ViewOnlyNode { Id = id, ScopeId = scopeId, ElementType = $"{local} ({definitionElement.Name.LocalName})", Reason = reason };
        }

        var trigger = definitionElement is null ? "none" : definitionElement.Name.LocalName.Replace("EventDefinition", "", StringComparison.Ordinal);
        var (allowed, role) = local switch
        {
            "startEvent" => scopeKind switch
            {
                ScopeKind.Process => (ProcessStarts, "start events of a process"),
                ScopeKind.SubProcess => (SubProcessStarts, "start events of an embedded sub-process"),
                _ => (EventSubProcessStarts, "start events of an event sub-process"),
            },
            "endEvent" => (Ends, "end events"),
            "intermediateCatchEvent" => (Catches, "intermediate catch events"),
            "intermediateThrowEvent" => (Throws, "intermediate throw events"),
            _ => (Boundaries, "boundary events"),
        };
        if (!allowed.Contains(trigger))
        {
            context.Refuse(definitionElement ?? element, id,
                $"{trigger} {role.Replace("events", "event", StringComparison.Ordinal)} '{id}' is not supported ({role} may be {string.Join(", ", allowed)})");
        }

        if (definitionElement?.Element(BpmnNames.Model + "extensionElements")?.Elements().FirstOrDefault(e => e.Name.Namespace == BpmnNames.Zeebe) is { } misplaced)
        {
            context.Warn(misplaced, id, $"zeebe:{misplaced.Name.LocalName} of '{id}' sits inside its {definitionElement!.Name.LocalName} and is not read; put it in the event's own extensionElements");
        }

        var definition = definitionElement is null ? null : ReadDefinition(definitionElement, element, id, local, scopeKind);
        return local switch
        {
            "startEvent" => new StartEvent { Id = id, ScopeId = scopeId, Definition = definition, IsInterrupting = element.BoolAttr("isInterrupting", true) },
            "endEvent" => new EndEvent { Id = id, ScopeId = scopeId, Definition = definition },
            "intermediateCatchEvent" => new IntermediateCatchEvent { Id = id, ScopeId = scopeId, Definition = definition },
            "intermediateThrowEvent" => new IntermediateThrowEvent { Id = id, ScopeId = scopeId, Definition = definition },
            _ => ReadBoundary(element, id, scopeId, definition),
        };
    }

    private BoundaryEvent ReadBoundary(XElement element, string id, string scopeId, EventDefinition? definition)
    {
        var attachedTo = element.Ref("attachedToRef");
        if (attachedTo is null)
        {
            context.Broken(element, id, $"boundary event '{id}' has no attachedToRef");
        }

        var cancel = element.BoolAttr("cancelActivity", true);
        if (cancel && definition is TimerEventDefinition { Kind: TimerKind.Cycle })
        {
            context.Warn(element, id, $"interrupting timer boundary event '{id}' has a timeCycle, but it fires only once because it cancels '{attachedTo}'; make it non-interrupting to repeat");
        }

        if (!cancel && definition is ErrorEventDefinition)
        {
            context.Require(element, id, $"error boundary event '{id}' is non-interrupting; an error always interrupts the activity");
        }

        return new BoundaryEvent { Id = id, ScopeId = scopeId, Definition = definition, AttachedToId = attachedTo ?? "", CancelActivity = cancel };
    }

    private EventDefinition? ReadDefinition(XElement definition, XElement owner, string id, string eventKind, ScopeKind scopeKind)
    {
        var definitionId = definition.Attr("id");
        var throws = eventKind is "endEvent" or "intermediateThrowEvent";
        switch (definition.Name.LocalName)
        {
            case "timerEventDefinition":
                return ReadTimer(definition, id) is { } timer ? timer with { Id = definitionId } : null;
            case "terminateEventDefinition":
                return new TerminateEventDefinition { Id = definitionId };
            case "messageEventDefinition":
                var message = Resolve(context.Declarations.Messages, definition, "messageRef", id, "message");
                if (throws)
                {
                    var job = ZeebeExtensions.TaskDefinition(context, owner, id);
                    if (job is null && message is null)
                    {
                        context.Require(definition, id, $"message throw event '{id}' has neither a zeebe:taskDefinition type nor a messageRef, so it would send nothing");
                    }

                    return new MessageEventDefinition { Id = definitionId, Message = message, Definition = job };
                }

                if (message is null)
                {
                    context.Require(definition, id, $"message event '{id}' names no message (messageRef)");
                    return null;
                }

                if (message.Name is null)
                {
                    context.Require(definition, id, $"message '{message.Id}' used by '{id}' has no name");
                }
                else if (!(eventKind == "startEvent" && scopeKind == ScopeKind.Process) && message.CorrelationKey is null)
                {
                    context.Require(definition, id, $"'{id}' waits for message '{message.Id}', which has no correlation key (zeebe:subscription correlationKey), so no message could find this instance");
                }

                return new MessageEventDefinition { Id = definitionId, Message = message };
            case "signalEventDefinition":
                if (Resolve(context.Declarations.Signals, definition, "signalRef", id, "signal") is not { } signal)
                {
                    context.Require(definition, id, $"signal event '{id}' names no signal (signalRef)");
                    return null;
                }

                if (signal.Name is null)
                {
                    context.Require(definition, id, $"signal '{signal.Id}' used by '{id}' has no name");
                }

                return new SignalEventDefinition { Id = definitionId, Signal = signal };
            case "errorEventDefinition":
                var error = Resolve(context.Declarations.Errors, definition, "errorRef", id, "error");
                if (throws && error?.ErrorCode is null)
                {
                    context.Require(definition, id, $"error end event '{id}' throws no error code (errorRef to an error with errorCode)");
                }

                return new ErrorEventDefinition { Id = definitionId, Error = error };
            case "escalationEventDefinition":
                var escalation = Resolve(context.Declarations.Escalations, definition, "escalationRef", id, "escalation");
                if (throws && escalation?.EscalationCode is null)
                {
                    context.Require(definition, id, $"escalation event '{id}' throws no escalation code (escalationRef to an escalation with escalationCode)");
                }

                return new EscalationEventDefinition { Id = definitionId, Escalation = escalation };
            default:
                return null;
        }
    }

    private TimerEventDefinition? ReadTimer(XElement definition, string id)
    {
        var parts = new[] { ("timeDate", TimerKind.Date), ("timeDuration", TimerKind.Duration), ("timeCycle", TimerKind.Cycle) }
            .Select(p => (Element: definition.Bpmn(p.Item1).FirstOrDefault(), Kind: p.Item2, Name: p.Item1))
            .Where(p => p.Element is not null)
            .ToList();
        if (parts.Count != 1)
        {
            context.Require(definition, id, $"timer '{id}' needs exactly one of timeDate, timeDuration or timeCycle, it has {parts.Count}");
            return null;
        }

        var (element, kind, name) = parts[0];
        var value = ExpressionReader.Value(context, element!, id, $"the {name} of '{id}'", element!.Value);
        if (value is null)
        {
            context.Require(element, id, $"the {name} of timer '{id}' is empty");
            return null;
        }

        TimerSchedule? schedule = null;
        if (value.Literal is { } literal)
        {
            var parsed = TimerScheduleParser.Parse(kind, literal);
            if (parsed.Error is not null)
            {
                context.Require(element, id, $"the {name} of timer '{id}' is invalid: {parsed.Error}");
                return null;
            }

            schedule = parsed.Schedule;
        }

        return new TimerEventDefinition { Kind = kind, Value = value, Schedule = schedule };
    }

    private T? Resolve<T>(IReadOnlyDictionary<string, T> declared, XElement definition, string attribute, string id, string what)
        where T : class
    {
        if (definition.Ref(attribute) is not { } reference)
        {
            return null;
        }

        if (declared.TryGetValue(reference, out var found))
        {
            return found;
        }

        context.Broken(definition, id, $"'{id}' refers to {what} '{reference}', which is not declared");
        return null;
    }
}
