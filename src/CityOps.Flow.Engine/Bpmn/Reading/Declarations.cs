using CityOps.Flow.Engine.Bpmn.Model;

namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>The root-level messages, signals, errors and escalations that events refer to by id.</summary>
internal sealed record Declarations(
    IReadOnlyDictionary<string, MessageDeclaration> Messages,
    IReadOnlyDictionary<string, SignalDeclaration> Signals,
    IReadOnlyDictionary<string, ErrorDeclaration> Errors,
    IReadOnlyDictionary<string, EscalationDeclaration> Escalations);
