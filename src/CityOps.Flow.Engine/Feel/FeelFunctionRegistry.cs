namespace CityOps.Flow.Engine.Feel;

/// <summary>Functions the host adds to FEEL (say working-time arithmetic); they take precedence over built-ins of the same name.</summary>
public sealed class FeelFunctionRegistry
{
    private volatile Dictionary<string, FeelFunction> _functions = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers <paramref name="name"/> (which may contain spaces) with its parameter names, for positional or named calls.
    /// The body receives FEEL values (decimal, string, bool, DateOnly, FeelDateTime, ...; a missing argument is null)
    /// and may return any value FEEL accepts at its boundary. An exception from it makes the call null with a warning.
    /// </summary>
    public void Register(string name, IReadOnlyList<string> parameterNames, Func<IReadOnlyList<object?>, object?> body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var names = parameterNames.ToArray();
        var function = new FeelFunction(name, new FeelSignature(names, 0, (ev, args) =>
        {
            try
            {
                return FeelValues.Normalize(body(args));
            }
            catch (Exception e) when (e is not FeelLimitExceededException)
            {
                return ev.Warn($"function '{name}' failed: {e.Message}");
            }
        }));
        lock (this)
        {
            _functions = new Dictionary<string, FeelFunction>(_functions, StringComparer.Ordinal) { [name] = function };
        }
    }

    internal FeelFunction? Find(string name) => _functions.GetValueOrDefault(name);
}
