namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A container of flow nodes and sequence flows: a process, a sub-process or an event sub-process.</summary>
public interface IFlowScope
{
    string Id { get; }

    /// <summary>The nodes directly inside this scope (nested scopes hold their own).</summary>
    IReadOnlyList<FlowNode> FlowNodes { get; }

    /// <summary>The sequence flows directly inside this scope.</summary>
    IReadOnlyList<SequenceFlow> SequenceFlows { get; }
}
