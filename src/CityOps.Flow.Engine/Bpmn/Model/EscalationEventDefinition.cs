namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>Throws or catches an escalation; a null escalation on a catch event catches all.</summary>
public sealed record EscalationEventDefinition : EventDefinition
{
    public EscalationDeclaration? Escalation { get; init; }
}
