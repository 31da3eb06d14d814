namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>
/// An attribute that is either a literal or, when its text starts with <c>=</c>, a FEEL expression
/// evaluated at run time (the zeebe convention).
/// </summary>
public sealed record BpmnValue(string Text, BpmnExpression? Expression)
{
    public bool IsExpression => Expression is not null;

    /// <summary>The literal text, or null when the value is an expression.</summary>
    public string? Literal => Expression is null ? Text : null;

    public static BpmnValue FromLiteral(string text) => new(text, null);

    public static BpmnValue FromExpression(BpmnExpression expression) => new(expression.ToString(), expression);

    public override string ToString() => Text;
}
