using System.Xml.Linq;
using CityOps.Flow.Engine.Bpmn.Model;

namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>Reads tasks and call activities with their zeebe execution details and loop characteristics.</summary>
internal sealed class ActivityReader(ProcessContext context)
{
    public Activity Read(XElement element, string id, string scopeId)
    {
        Activity activity = element.Name.LocalName switch
        {
            "userTask" => ReadUserTask(element, id, scopeId),
            "serviceTask" => ReadServiceTask(element, id, scopeId),
            "sendTask" => ReadSendTask(element, id, scopeId),
            "receiveTask" => ReadReceiveTask(element, id, scopeId),
            "businessRuleTask" => ReadBusinessRuleTask(element, id, scopeId),
            "callActivity" => ReadCallActivity(element, id, scopeId),
            "manualTask" => new ManualTask { Id = id, ScopeId = scopeId },
            _ => new NoneTask { Id = id, ScopeId = scopeId },
        };
        return Decorate(activity, element, id);
    }

    /// <summary>Adds what every activity may carry: multi-instance and a default flow.</summary>
    public Activity Decorate(Activity activity, XElement element, string id)
    {
        if (element.Bpmn("standardLoopCharacteristics").FirstOrDefault() is { } loop)
        {
            context.Refuse(loop, id, "standard loops (loop characteristics) are not supported; use multi-instance or a gateway that loops back");
        }

        return activity with
        {
            MultiInstance = ReadMultiInstance(element, id),
            DefaultFlowId = element.Ref("default"),
        };
    }

    private UserTask ReadUserTask(XElement element, string id, string scopeId)
    {
        var assignment = ZeebeExtensions.Assignment(context, element, id);
        if (assignment is { Assignee: null, CandidateGroups: null, CandidateUsers: null })
        {
            context.Require(element, id,
                $"user task '{id}' has neither an assignee nor candidate groups or users (zeebe:assignmentDefinition), so nobody could pick it up"
                + ForeignHint(element, "assignee", "candidateGroups", "candidateUsers"));
        }

        return new UserTask
        {
            Id = id,
            ScopeId = scopeId,
            Assignment = assignment,
            Schedule = ZeebeExtensions.Schedule(context, element, id),
            Form = ZeebeExtensions.Form(element),
            Priority = ZeebeExtensions.Priority(context, element, id),
            Headers = ZeebeExtensions.Headers(element),
        };
    }

    private ServiceTask ReadServiceTask(XElement element, string id, string scopeId)
    {
        var definition = ZeebeExtensions.TaskDefinition(context, element, id);
        if (definition is null)
        {
            context.Require(element, id,
                $"service task '{id}' has no zeebe:taskDefinition type, so no handler would run it"
                + ForeignHint(element, "class", "delegateExpression", "expression", "type", "topic"));
        }
        else
        {
            CheckJobType(element, id, definition);
        }

        return new ServiceTask
        {
            Id = id,
            ScopeId = scopeId,
            Definition = definition ?? new TaskDefinition(BpmnValue.FromLiteral(""), BpmnValue.FromLiteral("3")),
            Headers = ZeebeExtensions.Headers(element),
        };
    }

    private SendTask ReadSendTask(XElement element, string id, string scopeId)
    {
        var definition = ZeebeExtensions.TaskDefinition(context, element, id);
        var message = MessageOf(element, id, "messageRef");
        if (definition is null && message is null)
        {
            context.Require(element, id, $"send task '{id}' has neither a zeebe:taskDefinition type nor a messageRef, so it would send nothing");
        }

        if (definition is not null)
        {
            CheckJobType(element, id, definition);
        }

        return new SendTask { Id = id, ScopeId = scopeId, Definition = definition, Message = message, Headers = ZeebeExtensions.Headers(element) };
    }

    private ReceiveTask ReadReceiveTask(XElement element, string id, string scopeId)
    {
        var message = MessageOf(element, id, "messageRef");
        if (message is null)
        {
            context.Require(element, id, $"receive task '{id}' has no messageRef, so it would wait for nothing");
        }
        else
        {
            RequireSubscription(element, id, message);
        }

        return new ReceiveTask { Id = id, ScopeId = scopeId, Message = message ?? new MessageDeclaration("", null, null) };
    }

    private BusinessRuleTask ReadBusinessRuleTask(XElement element, string id, string scopeId)
    {
        CalledDecision? decision = null;
        if (element.Zeebe("calledDecision") is { } called)
        {
            var decisionId = ExpressionReader.Value(context, called, id, "zeebe:calledDecision decisionId", called.Attr("decisionId"));
            var resultVariable = called.Attr("resultVariable");
            if (decisionId is null || string.IsNullOrWhiteSpace(resultVariable))
            {
                context.Require(called, id, $"business rule task '{id}' needs both decisionId and resultVariable on zeebe:calledDecision");
            }
            else
            {
                decision = new CalledDecision(decisionId, resultVariable.Trim());
                if (decisionId.Literal is { } literal && context.Options.KnownDecisionIds is { } known && !known.Contains(literal))
                {
                    context.Require(called, id, $"business rule task '{id}' calls decision '{literal}', which is not deployed");
                }
            }
        }

        var definition = ZeebeExtensions.TaskDefinition(context, element, id);
        if (decision is null && definition is null && element.Zeebe("calledDecision") is null)
        {
            context.Require(element, id,
                $"business rule task '{id}' has neither zeebe:calledDecision nor zeebe:taskDefinition, so nothing would decide"
                + ForeignHint(element, "decisionRef", "class", "delegateExpression", "expression"));
        }

        if (definition is not null)
        {
            CheckJobType(element, id, definition);
        }

        return new BusinessRuleTask { Id = id, ScopeId = scopeId, Decision = decision, Definition = definition, Headers = ZeebeExtensions.Headers(element) };
    }

    private CallActivity ReadCallActivity(XElement element, string id, string scopeId)
    {
        var called = element.Zeebe("calledElement");
        var processId = called is not null
            ? ExpressionReader.Value(context, called, id, "zeebe:calledElement processId", called.Attr("processId"))
            : element.Attr("calledElement") is { Length: > 0 } bpmnCalled
                ? BpmnValue.FromLiteral(XmlExtensions.LocalRef(bpmnCalled))
                : null;
        if (processId is null)
        {
            context.Require(element, id, $"call activity '{id}' names no process to call (zeebe:calledElement processId)");
        }

        return new CallActivity
        {
            Id = id,
            ScopeId = scopeId,
            Called = new CalledElement(
                processId ?? BpmnValue.FromLiteral(""),
                called?.BoolAttr("propagateAllChildVariables", true) ?? true,
                called?.BoolAttr("propagateAllParentVariables", true) ?? true),
        };
    }

    private MultiInstanceLoop? ReadMultiInstance(XElement element, string id)
    {
        if (element.Bpmn("multiInstanceLoopCharacteristics").FirstOrDefault() is not { } loop)
        {
            return null;
        }

        var zeebe = loop.Zeebe("loopCharacteristics");
        var multiInstance = new MultiInstanceLoop
        {
            IsSequential = loop.BoolAttr("isSequential", false),
            InputCollection = ExpressionReader.Expression(context, zeebe ?? loop, id, "the multi-instance inputCollection", zeebe?.Attr("inputCollection")),
            InputElement = NullIfBlank(zeebe?.Attr("inputElement")),
            OutputCollection = NullIfBlank(zeebe?.Attr("outputCollection")),
            OutputElement = ExpressionReader.Expression(context, zeebe ?? loop, id, "the multi-instance outputElement", zeebe?.Attr("outputElement")),
            CompletionCondition = ExpressionReader.Expression(context, loop, id, "the multi-instance completionCondition", loop.Bpmn("completionCondition").FirstOrDefault().Text()),
            LoopCardinality = ExpressionReader.Expression(context, loop, id, "the multi-instance loopCardinality", loop.Bpmn("loopCardinality").FirstOrDefault().Text()),
        };
        if (multiInstance.InputCollection is null && multiInstance.LoopCardinality is null)
        {
            context.Require(loop, id,
                $"multi-instance '{id}' has neither zeebe:loopCharacteristics inputCollection nor loopCardinality, so the number of instances is unknown"
                + ForeignHint(loop, "collection", "elementVariable"));
        }

        if ((multiInstance.OutputCollection is null) != (multiInstance.OutputElement is null))
        {
            context.Require(zeebe ?? loop, id, $"multi-instance '{id}' needs outputCollection and outputElement together");
        }

        return multiInstance;
    }

    private void CheckJobType(XElement element, string id, TaskDefinition definition)
    {
        if (definition.Type.Literal is { } type && context.Options.KnownJobTypes is { } known && !known.Contains(type))
        {
            context.Require(element, id, $"no handler is registered for task type '{type}' of '{id}'");
        }
    }

    private MessageDeclaration? MessageOf(XElement element, string id, string attribute)
    {
        if (element.Ref(attribute) is not { } messageId)
        {
            return null;
        }

        if (context.Declarations.Messages.TryGetValue(messageId, out var message))
        {
            return message;
        }

        context.Broken(element, id, $"'{id}' refers to message '{messageId}', which is not declared");
        return null;
    }

    internal void RequireSubscription(XElement element, string id, MessageDeclaration message)
    {
        if (message.Name is null)
        {
            context.Require(element, id, $"message '{message.Id}' used by '{id}' has no name, so nothing could be correlated to it");
        }

        if (message.CorrelationKey is null)
        {
            context.Require(element, id, $"'{id}' waits for message '{message.Id}', which has no correlation key (zeebe:subscription correlationKey), so no message could find this instance");
        }
    }

    /// <summary>Points at Camunda 7 attributes the author may have meant, so the fix is obvious.</summary>
    private static string ForeignHint(XElement element, params string[] names)
    {
        var found = element.Attributes()
            .Where(a => BpmnNames.ForeignEngineNamespaces.Contains(a.Name.NamespaceName) && names.Contains(a.Name.LocalName))
            .Select(a => $"{element.GetPrefixOfNamespace(a.Name.Namespace) ?? "camunda"}:{a.Name.LocalName}")
            .ToList();
        return found.Count == 0 ? "" : $" ({string.Join(", ", found)} is Camunda 7 configuration, which this engine does not read)";
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
