namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>BPMN elements the engine refuses, each with the reason given to the author.</summary>
internal static class UnsupportedElements
{
    public static readonly IReadOnlyDictionary<string, string> FlowNodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["scriptTask"] = "script tasks are not supported: the engine runs no scripts; use a service task with a registered handler",
        ["complexGateway"] = "complex gateways are not supported; use an inclusive gateway with conditions",
        ["transaction"] = "transactions are not supported: the engine has no compensation or cancel events",
        ["adHocSubProcess"] = "ad-hoc sub-processes are not supported; model the order of the work with gateways",
        ["callChoreography"] = "choreographies are not supported",
        ["choreographyTask"] = "choreographies are not supported",
        ["subChoreography"] = "choreographies are not supported",
        ["implicitThrowEvent"] = "implicit throw events are not supported",
    };

    public static readonly IReadOnlyDictionary<string, string> EventDefinitions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["conditionalEventDefinition"] = "conditional events are not supported; test the condition on a gateway after the step that changes the data",
        ["linkEventDefinition"] = "link events are not supported; draw the sequence flow instead",
        ["compensateEventDefinition"] = "compensation events are not supported",
        ["cancelEventDefinition"] = "cancel events are not supported (they belong to transactions)",
        ["eventDefinitionRef"] = "events referring to shared event definitions (eventDefinitionRef) are not supported; define the event inline",
    };

    /// <summary>Process-level children with no execution meaning, skipped without a word.</summary>
    public static readonly IReadOnlySet<string> Ignored = new HashSet<string>(StringComparer.Ordinal)
    {
        "documentation", "extensionElements", "ioSpecification", "property", "laneSet", "incoming", "outgoing",
        "multiInstanceLoopCharacteristics", "standardLoopCharacteristics", "monitoring", "auditing", "supports",
        "correlationSubscription", "resourceRole", "performer", "humanPerformer", "potentialOwner", "ioBinding",
        "dataInputAssociation", "dataOutputAssociation", "sequenceFlow",
    };
}
