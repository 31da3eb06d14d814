using System.Xml;
using System.Xml.Linq;
using CityOps.Flow.Engine.Bpmn.Model;

namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>Collects every problem of one read, in the order found.</summary>
internal sealed class ProblemLog
{
    private readonly List<BpmnProblem> _problems = [];

    public IReadOnlyList<BpmnProblem> Problems => _problems;

    public int ErrorCount { get; private set; }

    public static SourcePosition PositionOf(XObject? at) => PositionOf(at as IXmlLineInfo);

    public static SourcePosition PositionOf(IXmlLineInfo? info) =>
        info is not null && info.HasLineInfo() ? new SourcePosition(info.LineNumber, info.LinePosition) : SourcePosition.Unknown;

    public void Add(BpmnProblemSeverity severity, SourcePosition at, string? elementId, string message)
    {
        if (severity == BpmnProblemSeverity.Error)
        {
            ErrorCount++;
        }

        _problems.Add(new BpmnProblem(severity, elementId, at.Line, at.Column, message));
    }

    public void Error(XObject? at, string? elementId, string message) => Add(BpmnProblemSeverity.Error, PositionOf(at), elementId, message);

    public void Warning(XObject? at, string? elementId, string message) => Add(BpmnProblemSeverity.Warning, PositionOf(at), elementId, message);
}
