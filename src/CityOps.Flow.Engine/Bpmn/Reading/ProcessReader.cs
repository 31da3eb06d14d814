using System.Xml.Linq;
using CityOps.Flow.Engine.Bpmn.Model;

namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>Reads one bpmn:process into a <see cref="BpmnProcess"/>, reporting into the context's log.</summary>
internal sealed class ProcessReader(ProcessContext context)
{
    private static readonly Dictionary<string, ArtifactKind> ArtifactKinds = new(StringComparer.Ordinal)
    {
        ["textAnnotation"] = ArtifactKind.TextAnnotation,
        ["association"] = ArtifactKind.Association,
        ["group"] = ArtifactKind.Group,
        ["dataObject"] = ArtifactKind.DataObject,
        ["dataObjectReference"] = ArtifactKind.DataObjectReference,
        ["dataStoreReference"] = ArtifactKind.DataStoreReference,
    };

    private readonly List<BpmnArtifact> _artifacts = [];
    private readonly ActivityReader _activities = new(context);
    private readonly EventReader _events = new(context);

    public BpmnProcess Read(XElement process, string id)
    {
        var (nodes, flows) = ReadScope(process, id, ScopeKind.Process);
        // A process's own data inputs and outputs are drawn on its diagram like data objects.
        foreach (var io in process.Bpmn("ioSpecification").Elements())
        {
            if (io.Name.LocalName is "dataInput" or "dataOutput")
            {
                _artifacts.Add(ReadArtifact(io, io.Name.LocalName == "dataInput" ? ArtifactKind.DataInput : ArtifactKind.DataOutput));
            }
        }

        var lanes = process.Bpmn("laneSet").SelectMany(set => set.Bpmn("lane")).Select(ReadLane).ToList();
        return new BpmnProcess(id, process.Attr("name"), context.Executable, nodes, flows, lanes, _artifacts, ProblemLog.PositionOf(process));
    }

    /// <summary>Reads the direct children of a process or sub-process.</summary>
    public (List<FlowNode> Nodes, List<SequenceFlow> Flows) ReadScope(XElement container, string scopeId, ScopeKind kind)
    {
        var nodes = new List<FlowNode>();
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in container.Elements().Where(e => e.Name.Namespace == BpmnNames.Model))
        {
            var local = child.Name.LocalName;
            if (ArtifactKinds.TryGetValue(local, out var artifactKind))
            {
                _artifacts.Add(ReadArtifact(child, artifactKind));
                continue;
            }

            if (UnsupportedElements.Ignored.Contains(local))
            {
                continue;
            }

            var node = ReadNode(child, scopeId, kind);
            nodes.Add(node);
            _artifacts.AddRange(ReadDataAssociations(child));
            if (child.Ref("default") is { } defaultFlow)
            {
                defaults[node.Id] = defaultFlow;
            }
        }

        var flows = container.Bpmn("sequenceFlow").Select(f => ReadFlow(f, scopeId, defaults)).ToList();
        return (nodes, flows);
    }

    public static string IdOf(ProcessContext context, XElement element)
    {
        if (element.Attr("id") is { Length: > 0 } id)
        {
            return id;
        }

        var at = ProblemLog.PositionOf(element);
        context.Broken(at, null, $"a {element.Name.LocalName} has no id");
        return $"{element.Name.LocalName}@{at.Line}:{at.Column}";
    }

    private FlowNode ReadNode(XElement element, string scopeId, ScopeKind scopeKind)
    {
        var id = IdOf(context, element);
        var local = element.Name.LocalName;
        FlowNode node = local switch
        {
            "startEvent" or "endEvent" or "intermediateCatchEvent" or "intermediateThrowEvent" or "boundaryEvent" =>
                _events.Read(element, id, scopeId, scopeKind),
            "task" or "userTask" or "serviceTask" or "sendTask" or "receiveTask" or "businessRuleTask" or "manualTask"
                or "callActivity" => _activities.Read(element, id, scopeId),
            "subProcess" => ReadSubProcess(element, id, scopeId),
            "exclusiveGateway" => new ExclusiveGateway { Id = id, ScopeId = scopeId, DefaultFlowId = element.Ref("default") },
            "inclusiveGateway" => new InclusiveGateway { Id = id, ScopeId = scopeId, DefaultFlowId = element.Ref("default") },
            "parallelGateway" => new ParallelGateway { Id = id, ScopeId = scopeId },
            "eventBasedGateway" => ReadEventBasedGateway(element, id, scopeId),
            _ => Refused(element, id, scopeId, UnsupportedElements.FlowNodes.GetValueOrDefault(local)
                ?? $"{local} is not an element the engine supports"),
        };

        if (element.BoolAttr("isForCompensation", false))
        {
            context.Refuse(element, id, "compensation handlers (isForCompensation) are not supported");
        }

        return Decorate(node, element, id);
    }

    public FlowNode Refused(XElement element, string id, string scopeId, string reason)
    {
        context.Refuse(element, id, reason);
        return new ViewOnlyNode { Id = id, ScopeId = scopeId, ElementType = element.Name.LocalName, Reason = reason };
    }

    private FlowNode Decorate(FlowNode node, XElement element, string id) => node with
    {
        Name = element.Attr("name"),
        Documentation = element.Bpmn("documentation").FirstOrDefault().Text(),
        Position = ProblemLog.PositionOf(element),
        IoMapping = ZeebeExtensions.IoMapping(context, element, id),
    };

    private FlowNode ReadSubProcess(XElement element, string id, string scopeId)
    {
        if (!element.BoolAttr("triggeredByEvent", false))
        {
            var (nodes, flows) = ReadScope(element, id, ScopeKind.SubProcess);
            return _activities.Decorate(new SubProcess { Id = id, ScopeId = scopeId, FlowNodes = nodes, SequenceFlows = flows }, element, id);
        }

        var (eventNodes, eventFlows) = ReadScope(element, id, ScopeKind.EventSubProcess);
        var starts = eventNodes.OfType<StartEvent>().ToList();
        if (starts.Count != 1)
        {
            context.Require(element, id, $"an event sub-process needs exactly one start event, '{id}' has {starts.Count}");
        }

        if (element.Bpmn("multiInstanceLoopCharacteristics").Any() || element.Bpmn("standardLoopCharacteristics").Any())
        {
            context.Refuse(element, id, "an event sub-process cannot loop or be multi-instance");
        }

        return new EventSubProcess
        {
            Id = id,
            ScopeId = scopeId,
            FlowNodes = eventNodes,
            SequenceFlows = eventFlows,
            StartEventId = starts.FirstOrDefault()?.Id ?? "",
            IsInterrupting = starts.FirstOrDefault()?.IsInterrupting ?? true,
        };
    }

    private EventBasedGateway ReadEventBasedGateway(XElement element, string id, string scopeId)
    {
        if (element.BoolAttr("instantiate", false) || element.Attr("eventGatewayType") is "Parallel")
        {
            context.Refuse(element, id, "instantiating and parallel event-based gateways are not supported; use message or timer start events");
        }

        return new EventBasedGateway { Id = id, ScopeId = scopeId };
    }

    private SequenceFlow ReadFlow(XElement element, string scopeId, Dictionary<string, string> defaults)
    {
        var id = IdOf(context, element);
        var source = element.Ref("sourceRef");
        var target = element.Ref("targetRef");
        if (source is null)
        {
            context.Broken(element, id, $"sequence flow '{id}' has no sourceRef");
        }

        if (target is null)
        {
            context.Broken(element, id, $"sequence flow '{id}' has no targetRef");
        }

        return new SequenceFlow
        {
            Id = id,
            Name = element.Attr("name"),
            Documentation = element.Bpmn("documentation").FirstOrDefault().Text(),
            Position = ProblemLog.PositionOf(element),
            SourceId = source ?? "",
            TargetId = target ?? "",
            ScopeId = scopeId,
            Condition = ReadCondition(element, id),
            IsDefault = source is not null && defaults.GetValueOrDefault(source) == id,
        };
    }

    private BpmnExpression? ReadCondition(XElement flow, string id)
    {
        if (flow.Bpmn("conditionExpression").FirstOrDefault() is not { } condition)
        {
            return null;
        }

        var text = condition.Value.Trim();
        if (condition.Attr("language") is { Length: > 0 } language && !language.Contains("feel", StringComparison.OrdinalIgnoreCase))
        {
            context.Require(condition, id, $"the condition of '{id}' is written in {language}; conditions are FEEL expressions starting with '=' (e.g. =amount > 1000)");
            return Unusable(text);
        }

        if (!text.StartsWith('='))
        {
            context.Require(condition, id, $"the condition '{text}' of '{id}' is not a FEEL expression; conditions start with '=' (e.g. =amount > 1000)");
            return Unusable(text);
        }

        return ExpressionReader.Expression(context, condition, id, $"the condition of '{id}'", text);
    }

    // A refused condition still marks the flow as conditional, so the gateway checks do not report it a second time;
    // the process is not executable, so the text is never evaluated.
    private static BpmnExpression Unusable(string text) => new(text);

    private static Lane ReadLane(XElement lane) => new(
        lane.Attr("id") ?? "",
        lane.Attr("name"),
        lane.Bpmn("flowNodeRef").Select(r => XmlExtensions.LocalRef(r.Value)).ToList(),
        lane.Bpmn("childLaneSet").SelectMany(set => set.Bpmn("lane")).Select(ReadLane).ToList());

    private static IEnumerable<BpmnArtifact> ReadDataAssociations(XElement activity) =>
        activity.Bpmn("dataInputAssociation").Select(a => (a, ArtifactKind.DataInputAssociation))
            .Concat(activity.Bpmn("dataOutputAssociation").Select(a => (a, ArtifactKind.DataOutputAssociation)))
            .Select(pair => new BpmnArtifact(
                pair.a.Attr("id") ?? "",
                pair.Item2,
                null,
                null,
                pair.a.Bpmn("sourceRef").FirstOrDefault().Text() ?? (pair.Item2 == ArtifactKind.DataOutputAssociation ? activity.Attr("id") : null),
                pair.a.Bpmn("targetRef").FirstOrDefault().Text() ?? (pair.Item2 == ArtifactKind.DataInputAssociation ? activity.Attr("id") : null)));

    public static BpmnArtifact ReadArtifact(XElement element, ArtifactKind kind) => new(
        element.Attr("id") ?? "",
        kind,
        element.Attr("name"),
        element.Bpmn("text").FirstOrDefault().Text(),
        element.Ref("sourceRef"),
        element.Ref("targetRef"));
}
