namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A FEEL expression from the model; <see cref="Source"/> is the text after the leading <c>=</c>.</summary>
public sealed record BpmnExpression(string Source)
{
    public override string ToString() => "=" + Source;
}
