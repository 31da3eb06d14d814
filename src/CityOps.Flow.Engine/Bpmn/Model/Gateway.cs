namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A node that splits or joins the flow.</summary>
public abstract record Gateway : FlowNode
{
    /// <summary>The flow taken when no condition holds (exclusive and inclusive gateways).</summary>
    public string? DefaultFlowId { get; init; }
}
