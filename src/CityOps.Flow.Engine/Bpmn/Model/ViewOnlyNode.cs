namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>
/// An element the engine cannot execute (script task, complex gateway, ...), kept only so a refused or non-executable
/// process can still be shown; such a process is never executable, so the runtime never meets this node.
/// </summary>
public sealed record ViewOnlyNode : FlowNode
{
    /// <summary>The BPMN element name, e.g. <c>scriptTask</c>.</summary>
    public required string ElementType { get; init; }

    public required string Reason { get; init; }
}
