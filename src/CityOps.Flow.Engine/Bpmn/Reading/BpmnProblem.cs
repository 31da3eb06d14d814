namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>One problem found in a BPMN file, with the element and the XML line/column it concerns.</summary>
public sealed record BpmnProblem(BpmnProblemSeverity Severity, string? ElementId, int Line, int Column, string Message)
{
    public override string ToString() =>
        $"{Severity} at {Line}:{Column}{(ElementId is null ? "" : $" ({ElementId})")}: {Message}";
}
