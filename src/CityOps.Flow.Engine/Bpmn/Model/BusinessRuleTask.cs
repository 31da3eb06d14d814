namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A task that evaluates a DMN decision (zeebe:calledDecision) or, failing that, runs a job.</summary>
public sealed record BusinessRuleTask : JobTask
{
    public CalledDecision? Decision { get; init; }

    public TaskDefinition? Definition { get; init; }
}
