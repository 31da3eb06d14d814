namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>An event, activity or gateway: something a token can be at.</summary>
public abstract record FlowNode : BpmnElement
{
    /// <summary>Id of the scope (process, sub-process or event sub-process) that directly contains this node.</summary>
    public required string ScopeId { get; init; }

    /// <summary>zeebe:ioMapping: input mappings applied on entry, output mappings on completion.</summary>
    public IoMapping? IoMapping { get; init; }
}
