using CityOps.Flow.Engine.Bpmn.Model;

namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>
/// The model (null only when the XML is not a BPMN document at all) and every problem found. A file with errors still
/// yields a model for viewing, but its refused processes are not executable and the file must not be deployed.
/// </summary>
public sealed record BpmnReadResult(BpmnDefinitions? Definitions, IReadOnlyList<BpmnProblem> Problems)
{
    public IEnumerable<BpmnProblem> Errors => Problems.Where(p => p.Severity == BpmnProblemSeverity.Error);

    public IEnumerable<BpmnProblem> Warnings => Problems.Where(p => p.Severity == BpmnProblemSeverity.Warning);

    /// <summary>True when the file has no errors and so may be deployed.</summary>
    public bool IsDeployable => Definitions is not null && !Errors.Any();
}
