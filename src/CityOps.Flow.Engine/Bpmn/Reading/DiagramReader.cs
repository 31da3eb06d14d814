using System.Globalization;
using System.Xml.Linq;
using CityOps.Flow.Engine.Bpmn.Diagram;

namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>Reads BPMN DI: diagrams, planes, shapes with bounds and labels, edges with waypoints.</summary>
internal static class DiagramReader
{
    public static List<BpmnDiagram> Read(XElement definitions, IReadOnlySet<string> elementIds, ProblemLog log) =>
        definitions.Elements(BpmnNames.BpmnDi + "BPMNDiagram").Select(diagram =>
        {
            var plane = diagram.Element(BpmnNames.BpmnDi + "BPMNPlane");
            var shapes = new List<DiagramShape>();
            var edges = new List<DiagramEdge>();
            foreach (var shape in plane?.Descendants(BpmnNames.BpmnDi + "BPMNShape") ?? [])
            {
                var elementId = Referenced(shape, elementIds, log);
                shapes.Add(new DiagramShape(
                    shape.Attr("id") ?? "",
                    elementId,
                    Bounds(shape.Element(BpmnNames.Dc + "Bounds"), shape, log) ?? default,
                    Bounds(shape.Element(BpmnNames.BpmnDi + "BPMNLabel")?.Element(BpmnNames.Dc + "Bounds"), shape, log),
                    shape.Attribute("isExpanded") is null ? null : shape.BoolAttr("isExpanded", false),
                    shape.Attribute("isHorizontal") is null ? null : shape.BoolAttr("isHorizontal", false)));
            }

            foreach (var edge in plane?.Descendants(BpmnNames.BpmnDi + "BPMNEdge") ?? [])
            {
                var elementId = Referenced(edge, elementIds, log);
                var waypoints = edge.Elements(BpmnNames.Di + "waypoint")
                    .Select(w => new DiagramPoint(Number(w, "x", log), Number(w, "y", log)))
                    .ToList();
                edges.Add(new DiagramEdge(
                    edge.Attr("id") ?? "",
                    elementId,
                    waypoints,
                    Bounds(edge.Element(BpmnNames.BpmnDi + "BPMNLabel")?.Element(BpmnNames.Dc + "Bounds"), edge, log)));
            }

            return new BpmnDiagram(diagram.Attr("id"), diagram.Attr("name"),
                new DiagramPlane(plane?.Attr("id"), plane?.Ref("bpmnElement"), shapes, edges));
        }).ToList();

    private static string? Referenced(XElement diagramElement, IReadOnlySet<string> elementIds, ProblemLog log)
    {
        var elementId = diagramElement.Ref("bpmnElement");
        if (elementId is not null && !elementIds.Contains(elementId))
        {
            log.Warning(diagramElement, elementId, $"diagram element '{diagramElement.Attr("id")}' draws '{elementId}', which the model does not contain");
        }

        return elementId;
    }

    private static DiagramBounds? Bounds(XElement? bounds, XElement owner, ProblemLog log) => bounds is null
        ? null
        : new DiagramBounds(Number(bounds, "x", log), Number(bounds, "y", log), Number(bounds, "width", log), Number(bounds, "height", log));

    private static double Number(XElement element, string attribute, ProblemLog log)
    {
        var text = element.Attr(attribute);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        log.Warning(element, null, $"diagram coordinate {attribute}='{text}' is not a number");
        return 0;
    }
}
