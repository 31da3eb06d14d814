using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>
/// A FEEL expression from the model; <see cref="Source"/> is the text after the leading <c>=</c>.
/// <see cref="Compiled"/> is parsed once by the reader; it is null only where the expression did not parse, and then
/// the process is refused, so the runtime of an executable process always finds it set.
/// </summary>
public sealed record BpmnExpression(string Source)
{
    public FeelExpression? Compiled { get; init; }

    public override string ToString() => "=" + Source;
}
