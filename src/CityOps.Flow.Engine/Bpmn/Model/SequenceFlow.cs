namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A sequence flow; <see cref="IsDefault"/> when its source names it as the default flow.</summary>
public sealed record SequenceFlow : BpmnElement
{
    public required string SourceId { get; init; }

    public required string TargetId { get; init; }

    public required string ScopeId { get; init; }

    /// <summary>The FEEL condition; null means the flow is always taken (or is the default).</summary>
    public BpmnExpression? Condition { get; init; }

    public bool IsDefault { get; init; }
}
