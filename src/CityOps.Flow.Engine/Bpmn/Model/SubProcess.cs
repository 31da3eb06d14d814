namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>An embedded sub-process: a nested scope started through its none start event.</summary>
public sealed record SubProcess : Activity, IFlowScope
{
    public required IReadOnlyList<FlowNode> FlowNodes { get; init; }

    public required IReadOnlyList<SequenceFlow> SequenceFlows { get; init; }
}
