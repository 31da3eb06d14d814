using System.Xml.Linq;

namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>Small XML accessors shared by the readers.</summary>
internal static class XmlExtensions
{
    public static string? Attr(this XElement element, string name) => element.Attribute(name)?.Value;

    public static bool BoolAttr(this XElement element, string name, bool otherwise) =>
        element.Attribute(name)?.Value.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => otherwise,
        };

    public static XElement? Zeebe(this XElement element, string name) =>
        element.Element(BpmnNames.Model + "extensionElements")?.Element(BpmnNames.Zeebe + name);

    public static IEnumerable<XElement> Bpmn(this XElement element, string name) => element.Elements(BpmnNames.Model + name);

    public static string? Text(this XElement? element) => element is null ? null : string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();

    /// <summary>Strips a namespace prefix from a QName reference such as <c>tns:Message_1</c>.</summary>
    public static string? Ref(this XElement element, string name) => element.Attribute(name)?.Value is { } value ? LocalRef(value) : null;

    public static string LocalRef(string value)
    {
        var trimmed = value.Trim();
        var colon = trimmed.IndexOf(':');
        return colon >= 0 ? trimmed[(colon + 1)..] : trimmed;
    }
}
