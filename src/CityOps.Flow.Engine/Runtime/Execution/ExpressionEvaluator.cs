using System.Globalization;
using System.Xml;
using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Scheduling.Timers;

namespace CityOps.Flow.Engine.Runtime.Execution;

/// <summary>Evaluates the model's FEEL expressions and literal-or-expression attributes, and converts results to what the runtime needs.</summary>
internal sealed class ExpressionEvaluator(Func<string, IReadOnlyDictionary<string, object?>, EvaluatedValue> evaluate)
{
    public EvaluatedValue Evaluate(BpmnExpression expression, IReadOnlyDictionary<string, object?> variables) =>
        evaluate(expression.Source, variables);

    public EvaluatedValue Value(BpmnValue value, IReadOnlyDictionary<string, object?> variables) =>
        value.Expression is { } expression ? Evaluate(expression, variables) : EvaluatedValue.Of(value.Text);

    /// <summary>A sequence-flow or completion condition: anything but <c>true</c> (including null) does not hold.</summary>
    public EvaluatedValue Condition(BpmnExpression expression, IReadOnlyDictionary<string, object?> variables)
    {
        var result = Evaluate(expression, variables);
        return result.Failed ? result : EvaluatedValue.Of(result.Value is true);
    }

    /// <summary>Text of a value: correlation keys, task types, assignees (numbers in invariant form).</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A timer definition from an expression's value: a date-time, a duration, or ISO 8601 text.</summary>
    public static string TimerText(object? value) => value switch
    {
        FeelDateTime { Instant: { } at } => at.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        TimeSpan duration => XmlConvert.ToString(duration),
        _ => Text(value) ?? "",
    };

    /// <summary>A list of names from a FEEL list or a comma-separated literal.</summary>
    public static IReadOnlyList<string> Names(object? value) => value switch
    {
        null => [],
        string s => [.. s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        IEnumerable<object?> list => [.. list.Select(Text).OfType<string>()],
        _ => [Text(value)!],
    };

    /// <summary>An instant from a FEEL date-time or an ISO 8601 text; null when the value is neither.</summary>
    public static DateTimeOffset? Instant(object? value) => value switch
    {
        FeelDateTime dateTime => dateTime.Instant,
        DateTimeOffset at => at,
        DateTime local => new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Utc)),
        string s => TimerScheduleParser.ParseDateTime(s),
        null => null,
        _ => TimerScheduleParser.ParseDateTime(Text(value) ?? ""),
    };
}
