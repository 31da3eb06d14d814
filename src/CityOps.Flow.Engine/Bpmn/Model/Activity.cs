namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A task, sub-process or call activity: the nodes that do work and can carry boundary events.</summary>
public abstract record Activity : FlowNode
{
    public MultiInstanceLoop? MultiInstance { get; init; }

    /// <summary>The flow taken when no conditional outgoing flow applies.</summary>
    public string? DefaultFlowId { get; init; }
}
