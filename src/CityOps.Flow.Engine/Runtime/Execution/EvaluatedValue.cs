namespace CityOps.Flow.Engine.Runtime.Execution;

/// <summary>The value of an expression, or why it has none.</summary>
internal readonly record struct EvaluatedValue(object? Value, string? Error)
{
    public bool Failed => Error is not null;

    public static EvaluatedValue Of(object? value) => new(value, null);

    public static EvaluatedValue Fail(string error) => new(null, error);
}
