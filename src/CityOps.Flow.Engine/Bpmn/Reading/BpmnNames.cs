using System.Xml.Linq;

namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>The XML namespaces a BPMN file uses.</summary>
internal static class BpmnNames
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    public static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    public static readonly XNamespace Di = "http://www.omg.org/spec/DD/20100524/DI";
    public static readonly XNamespace Zeebe = "http://camunda.org/schema/zeebe/1.0";

    /// <summary>Camunda 7 / Activiti extension namespaces: configuration this engine does not read.</summary>
    public static readonly IReadOnlySet<string> ForeignEngineNamespaces = new HashSet<string>(StringComparer.Ordinal)
    {
        "http://camunda.org/schema/1.0/bpmn",
        "http://activiti.org/bpmn",
        "http://flowable.org/bpmn",
    };
}
