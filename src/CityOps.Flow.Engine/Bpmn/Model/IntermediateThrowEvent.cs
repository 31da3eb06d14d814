namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>Throws an escalation or signal, or (with no definition) just passes the token on.</summary>
public sealed record IntermediateThrowEvent : Event;
