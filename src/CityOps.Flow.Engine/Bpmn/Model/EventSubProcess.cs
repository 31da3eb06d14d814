namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>
/// A sub-process with triggeredByEvent="true": no flows in or out; its single start event (timer, message, signal,
/// error or escalation) fires while its enclosing scope is active and, when interrupting, cancels that scope.
/// </summary>
public sealed record EventSubProcess : FlowNode, IFlowScope
{
    public required IReadOnlyList<FlowNode> FlowNodes { get; init; }

    public required IReadOnlyList<SequenceFlow> SequenceFlows { get; init; }

    public required string StartEventId { get; init; }

    /// <summary>Whether the start event cancels the enclosing scope (its isInterrupting attribute).</summary>
    public required bool IsInterrupting { get; init; }
}
