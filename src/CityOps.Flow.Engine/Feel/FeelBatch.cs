namespace CityOps.Flow.Engine.Feel;

/// <summary>
/// Many evaluations over the same variables sharing one budget and one warning list, without the per-call set-up
/// of <see cref="FeelEngine.Evaluate"/>: the fast path for decision tables, whose cells are tested against inputs
/// in tens of nanoseconds. Not thread-safe; create one per evaluation of a table.
/// </summary>
internal sealed class FeelBatch(FeelEngine engine, IReadOnlyDictionary<string, object?> variables)
{
    private readonly Evaluation _ev = engine.CreateEvaluation(variables);
    private bool _exhausted;

    public IReadOnlyList<string> Warnings => _ev.Warnings;

    /// <summary>Converts a host value to the FEEL value <see cref="Test"/> expects.</summary>
    public static object? Normalize(object? value) => FeelValues.Normalize(value);

    /// <summary>Tests a normalised input against unary tests (or an expression used as one): true, false or null.</summary>
    public bool? Test(FeelExpression tests, object? input)
    {
        if (_exhausted)
        {
            return null;
        }

        try
        {
            return tests.Tests.Test(_ev, input);
        }
        catch (Exception e) when (Failed(e))
        {
            return null;
        }
    }

    public object? Evaluate(FeelExpression expression)
    {
        if (_exhausted || expression.Body is null)
        {
            return expression.Body is null ? _ev.Warn("unary tests need an input value") : null;
        }

        try
        {
            return expression.Body.Eval(_ev);
        }
        catch (Exception e) when (Failed(e))
        {
            return null;
        }
    }

    private bool Failed(Exception e)
    {
        if (FeelEngine.Describe(e) is not { } message)
        {
            return false;
        }

        _exhausted |= e is FeelLimitExceededException;
        _ev.Warn(message);
        return true;
    }
}
