using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>What the deployment knows, so references can be checked at read time rather than failing at run time.</summary>
public sealed record BpmnReadOptions
{
    public static BpmnReadOptions Default { get; } = new();

    /// <summary>Ids of deployed DMN decisions; when set, a literal zeebe:calledDecision decisionId must be one of them.</summary>
    public IReadOnlySet<string>? KnownDecisionIds { get; init; }

    /// <summary>Registered service task handler types; when set, a literal zeebe:taskDefinition type must be one of them.</summary>
    public IReadOnlySet<string>? KnownJobTypes { get; init; }

    /// <summary>The FEEL engine (with the deployment's extension functions) that compiles expressions; a plain one when null.</summary>
    public FeelEngine? Feel { get; init; }
}
