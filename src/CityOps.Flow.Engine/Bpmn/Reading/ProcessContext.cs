using System.Xml.Linq;
using CityOps.Flow.Engine.Bpmn.Model;

namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>
/// What reading one process needs, and how its problems weigh: in an executable process everything that would stop
/// execution is an error; in a view-only process (isExecutable="false") unsupported elements are warnings, missing
/// execution details are not reported, and only what breaks the drawing (dangling references) stays an error.
/// </summary>
internal sealed class ProcessContext(ProblemLog log, BpmnReadOptions options, Declarations declarations, bool executable)
{
    public ProblemLog Log { get; } = log;

    public BpmnReadOptions Options { get; } = options;

    public Declarations Declarations { get; } = declarations;

    public bool Executable { get; } = executable;

    /// <summary>The element cannot be executed at all (unsupported kind).</summary>
    public void Refuse(XObject? at, string? elementId, string message) =>
        Log.Add(Executable ? BpmnProblemSeverity.Error : BpmnProblemSeverity.Warning, ProblemLog.PositionOf(at), elementId, message);

    /// <summary>An execution detail is missing or wrong; irrelevant when the process is only viewed.</summary>
    public void Require(XObject? at, string? elementId, string message) => Require(ProblemLog.PositionOf(at), elementId, message);

    public void Require(SourcePosition at, string? elementId, string message)
    {
        if (Executable)
        {
            Log.Add(BpmnProblemSeverity.Error, at, elementId, message);
        }
    }

    /// <summary>The model is broken whether executed or viewed.</summary>
    public void Broken(SourcePosition at, string? elementId, string message) => Log.Add(BpmnProblemSeverity.Error, at, elementId, message);

    public void Broken(XObject? at, string? elementId, string message) => Broken(ProblemLog.PositionOf(at), elementId, message);

    /// <summary>Executable but suspicious; not worth saying about a view-only process.</summary>
    public void Warn(SourcePosition at, string? elementId, string message)
    {
        if (Executable)
        {
            Log.Add(BpmnProblemSeverity.Warning, at, elementId, message);
        }
    }

    public void Warn(XObject? at, string? elementId, string message) => Warn(ProblemLog.PositionOf(at), elementId, message);
}
