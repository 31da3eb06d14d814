using System.Xml;
using System.Xml.Linq;
using CityOps.Flow.Engine.Bpmn.Model;

namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>Reads BPMN 2.0 XML (zeebe dialect) into the executable model, reporting every problem at once.</summary>
public static class BpmnReader
{
    private static readonly HashSet<string> KnownRootElements = new(StringComparer.Ordinal)
    {
        "process", "collaboration", "message", "signal", "error", "escalation", "import", "itemDefinition", "dataStore",
        "resource", "interface", "category", "globalTask", "globalUserTask", "globalManualTask", "globalScriptTask",
        "globalBusinessRuleTask", "documentation", "extensionElements", "extension", "relationship", "partnerRole",
        "partnerEntity", "endPoint", "correlationProperty", "eventDefinition", "timerEventDefinition",
        "messageEventDefinition", "signalEventDefinition", "errorEventDefinition", "escalationEventDefinition",
    };

    public static BpmnReadResult Read(string xml, BpmnReadOptions? options = null)
    {
        options ??= BpmnReadOptions.Default;
        var log = new ProblemLog();
        XDocument document;
        // Files come from users: no DTDs (entity expansion) and no external resources.
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        try
        {
            document = XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException ex)
        {
            var at = ex.LineNumber > 0 ? new SourcePosition(ex.LineNumber, ex.LinePosition) : PositionOfDoctype(xml);
            log.Add(BpmnProblemSeverity.Error, at, null, $"the file is not well-formed XML: {ex.Message}");
            return new BpmnReadResult(null, log.Problems);
        }

        var root = document.Root!;
        if (root.Name != BpmnNames.Model + "definitions")
        {
            log.Error(root, null, $"this is not a BPMN 2.0 file: the root element is '{root.Name.LocalName}' in '{root.Name.NamespaceName}', expected 'definitions' in '{BpmnNames.Model.NamespaceName}'");
            return new BpmnReadResult(null, log.Problems);
        }

        var elementIds = CollectIds(root, log);
        var declarations = ReadDeclarations(root, log, options);
        var processes = root.Bpmn("process").Select(p => ReadProcess(p, log, options, declarations)).ToList();
        var collaborations = root.Bpmn("collaboration").Select(c => ReadCollaboration(c, elementIds, log)).ToList();
        var diagrams = DiagramReader.Read(root, elementIds, log);
        foreach (var unknown in root.Elements().Where(e => e.Name.Namespace == BpmnNames.Model && !KnownRootElements.Contains(e.Name.LocalName)))
        {
            log.Warning(unknown, unknown.Attr("id"), $"'{unknown.Name.LocalName}' at the top level of the file is not read");
        }

        var definitions = new BpmnDefinitions
        {
            Id = root.Attr("id") ?? "",
            Name = root.Attr("name"),
            TargetNamespace = root.Attr("targetNamespace"),
            Processes = processes,
            Collaborations = collaborations,
            Messages = declarations.Messages.Values.ToList(),
            Signals = declarations.Signals.Values.ToList(),
            Errors = declarations.Errors.Values.ToList(),
            Escalations = declarations.Escalations.Values.ToList(),
            Diagrams = diagrams,
            EmbeddedForms = root.Descendants(BpmnNames.Zeebe + "userTaskForm")
                .Where(f => f.Attr("id") is not null)
                .GroupBy(f => f.Attr("id")!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Value.Trim(), StringComparer.Ordinal),
            SourceXml = xml,
        };
        return new BpmnReadResult(definitions, log.Problems);
    }

    // The refusal of a DTD carries no position; point at the declaration itself.
    private static SourcePosition PositionOfDoctype(string xml)
    {
        var index = xml.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (index < 0)
        {
            return new SourcePosition(1, 1);
        }

        var line = 1 + xml.AsSpan(0, index).Count('\n');
        return new SourcePosition(line, index - xml.LastIndexOf('\n', Math.Max(index - 1, 0)));
    }

    private static BpmnProcess ReadProcess(XElement element, ProblemLog log, BpmnReadOptions options, Declarations declarations)
    {
        var declaredExecutable = element.BoolAttr("isExecutable", false);
        var context = new ProcessContext(log, options, declarations, declaredExecutable);
        var errorsBefore = log.ErrorCount;
        var id = ProcessReader.IdOf(context, element);
        var process = new ProcessReader(context).Read(element, id);
        ProcessValidator.Validate(process, context);
        if (declaredExecutable)
        {
            WarnAboutForeignConfiguration(element, context);
        }

        // A refused process is still returned for viewing, but never as executable.
        return declaredExecutable && log.ErrorCount > errorsBefore
            ? new BpmnProcess(process.Id, process.Name, false, process.FlowNodes, process.SequenceFlows, process.Lanes, process.Artifacts, process.Position)
            : process;
    }

    private static void WarnAboutForeignConfiguration(XElement process, ProcessContext context)
    {
        foreach (var element in process.DescendantsAndSelf().Where(e => e.Name.Namespace == BpmnNames.Model && e.Attribute("id") is not null))
        {
            var foreign = element.Attributes().Where(a => BpmnNames.ForeignEngineNamespaces.Contains(a.Name.NamespaceName))
                .Select(a => a.Name)
                .Concat(element.Element(BpmnNames.Model + "extensionElements")?.Elements()
                    .Where(e => BpmnNames.ForeignEngineNamespaces.Contains(e.Name.NamespaceName))
                    .Select(e => e.Name) ?? [])
                .Select(name => $"{element.GetPrefixOfNamespace(name.Namespace) ?? "camunda"}:{name.LocalName}")
                .Distinct()
                .ToList();
            if (foreign.Count > 0)
            {
                context.Warn(element, element.Attr("id"),
                    $"{string.Join(", ", foreign)} on '{element.Attr("id")}' is Camunda 7 configuration, which this engine does not read; use the zeebe: extensions");
            }
        }
    }

    private static HashSet<string> CollectIds(XElement root, ProblemLog log)
    {
        var seen = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var element in root.Descendants().Where(e => e.Name.Namespace == BpmnNames.Model))
        {
            if (element.Attr("id") is not { Length: > 0 } id)
            {
                continue;
            }

            if (seen.TryGetValue(id, out var first))
            {
                log.Error(element, id, $"the id '{id}' is used twice (first at line {ProblemLog.PositionOf(first).Line})");
            }
            else
            {
                seen[id] = element;
            }
        }

        return [.. seen.Keys];
    }

    private static Declarations ReadDeclarations(XElement root, ProblemLog log, BpmnReadOptions options)
    {
        // Declarations are shared by all processes; expressions in them are checked as for an executable process.
        var context = new ProcessContext(log, options, new Declarations(
            new Dictionary<string, MessageDeclaration>(), new Dictionary<string, SignalDeclaration>(),
            new Dictionary<string, ErrorDeclaration>(), new Dictionary<string, EscalationDeclaration>()), executable: true);
        var messages = new Dictionary<string, MessageDeclaration>(StringComparer.Ordinal);
        foreach (var message in root.Bpmn("message").Where(m => m.Attr("id") is not null))
        {
            var id = message.Attr("id")!;
            var subscription = message.Zeebe("subscription");
            messages[id] = new MessageDeclaration(
                id,
                ExpressionReader.Value(context, message, id, $"the name of message '{id}'", message.Attr("name")),
                subscription is null ? null : ExpressionReader.Expression(context, subscription, id, $"the correlation key of message '{id}'", subscription.Attr("correlationKey")));
        }

        var signals = root.Bpmn("signal").Where(s => s.Attr("id") is not null).ToDictionary(
            s => s.Attr("id")!,
            s => new SignalDeclaration(s.Attr("id")!, ExpressionReader.Value(context, s, s.Attr("id")!, "the signal name", s.Attr("name"))),
            StringComparer.Ordinal);
        var errors = root.Bpmn("error").Where(e => e.Attr("id") is not null).ToDictionary(
            e => e.Attr("id")!,
            e => new ErrorDeclaration(e.Attr("id")!, e.Attr("name"), ExpressionReader.Value(context, e, e.Attr("id")!, "the error code", e.Attr("errorCode"))),
            StringComparer.Ordinal);
        var escalations = root.Bpmn("escalation").Where(e => e.Attr("id") is not null).ToDictionary(
            e => e.Attr("id")!,
            e => new EscalationDeclaration(e.Attr("id")!, e.Attr("name"), ExpressionReader.Value(context, e, e.Attr("id")!, "the escalation code", e.Attr("escalationCode"))),
            StringComparer.Ordinal);
        return new Declarations(messages, signals, errors, escalations);
    }

    private static Collaboration ReadCollaboration(XElement collaboration, IReadOnlySet<string> elementIds, ProblemLog log)
    {
        var participants = collaboration.Bpmn("participant")
            .Select(p => new Participant(p.Attr("id") ?? "", p.Attr("name"), p.Ref("processRef")))
            .ToList();
        var messageFlows = new List<MessageFlow>();
        foreach (var flow in collaboration.Bpmn("messageFlow"))
        {
            var id = flow.Attr("id") ?? "";
            var source = flow.Ref("sourceRef") ?? "";
            var target = flow.Ref("targetRef") ?? "";
            foreach (var end in new[] { source, target }.Where(e => !elementIds.Contains(e)))
            {
                log.Warning(flow, id, $"message flow '{id}' connects '{end}', which the file does not contain");
            }

            messageFlows.Add(new MessageFlow(id, flow.Attr("name"), source, target));
        }

        var artifacts = collaboration.Elements()
            .Where(e => e.Name.Namespace == BpmnNames.Model)
            .Select(e => e.Name.LocalName switch
            {
                "textAnnotation" => ProcessReader.ReadArtifact(e, ArtifactKind.TextAnnotation),
                "association" => ProcessReader.ReadArtifact(e, ArtifactKind.Association),
                "group" => ProcessReader.ReadArtifact(e, ArtifactKind.Group),
                _ => null,
            })
            .OfType<BpmnArtifact>()
            .ToList();
        return new Collaboration(collaboration.Attr("id") ?? "", collaboration.Attr("name"), participants, messageFlows, artifacts);
    }
}
