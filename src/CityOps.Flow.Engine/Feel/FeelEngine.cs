namespace CityOps.Flow.Engine.Feel;

/// <summary>
/// Parses and evaluates FEEL (DMN 1.5, chapter 10) expressions and unary tests.
/// Values at the boundary: null; bool; decimal for every number (int, long, double, float and decimal are accepted,
/// precision is decimal's 28-29 digits rather than DMN's 34); string; <see cref="DateOnly"/> for date;
/// <see cref="FeelTime"/> for time; <see cref="FeelDateTime"/> for date and time; <see cref="TimeSpan"/> for
/// days and time duration; <see cref="FeelYearsMonthsDuration"/>; <see cref="IReadOnlyList{T}"/> of object? for lists;
/// <see cref="FeelContext"/> (an insertion-ordered IReadOnlyDictionary&lt;string, object?&gt;) for contexts;
/// <see cref="FeelRange"/> and <see cref="FeelFunction"/>. Inputs may also be DateTime, DateTimeOffset, TimeOnly,
/// arrays, dictionaries and JsonElement. Runtime errors give a null value and a warning; no input can make it
/// throw, hang or exhaust memory (see <see cref="FeelLimits"/>).
/// </summary>
public sealed class FeelEngine
{
    /// <summary>Folds constant sub-expressions at parse time; those never read the clock, so its clock is fixed.</summary>
    internal static readonly FeelEngine Neutral = new(new Scheduling.AdjustableClock(DateTimeOffset.UnixEpoch));

    private readonly FeelFunctionRegistry _extensions;

    public FeelEngine(TimeProvider clock, FeelFunctionRegistry? extensions = null, FeelLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Clock = clock;
        _extensions = extensions ?? new FeelFunctionRegistry();
        Limits = limits ?? FeelLimits.Default;
    }

    public TimeProvider Clock { get; }

    public FeelLimits Limits { get; }

    public FeelParseResult ParseExpression(string source) => ParseExpression(source, null);

    /// <summary>
    /// Parses with the names of the variables that will be in scope, so that names holding spaces around keywords or
    /// operators (<c>time in hours</c>, <c>full-time</c>) read as one name.
    /// </summary>
    public FeelParseResult ParseExpression(string source, IEnumerable<string>? knownNames)
    {
        var text = source ?? "";
        var errors = new List<FeelError>();
        var names = knownNames?.ToArray();
        var node = Parser.ParseExpression(text, FindFunction, Limits, names, errors, out var readsInput);
        return node is null || errors.Count > 0
            ? new FeelParseResult(null, errors)
            : new FeelParseResult(new FeelExpression(text, node, new ExpressionTest(node, readsInput), names), []);
    }

    /// <summary>Parses a DMN input entry: <c>-</c>, <c>&lt; 5</c>, <c>[1..5]</c>, <c>"a", "b"</c>, <c>not(...)</c>, <c>? &gt; 3</c>, <c>null</c>.</summary>
    public FeelParseResult ParseUnaryTests(string source) => ParseUnaryTests(source, null);

    /// <summary>Parses unary tests with the names of the variables that will be in scope (see <see cref="ParseExpression(string, IEnumerable{string})"/>).</summary>
    public FeelParseResult ParseUnaryTests(string source, IEnumerable<string>? knownNames)
    {
        var text = source ?? "";
        var errors = new List<FeelError>();
        var names = knownNames?.ToArray();
        var tests = Parser.ParseUnaryTests(text, FindFunction, Limits, names, errors);
        return tests is null || errors.Count > 0
            ? new FeelParseResult(null, errors)
            : new FeelParseResult(new FeelExpression(text, null, tests, names), []);
    }

    public FeelResult Evaluate(FeelExpression expression, IReadOnlyDictionary<string, object?> variables)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(variables);
        if (expression.Body is null)
        {
            return new FeelResult(null, ["unary tests need an input value: use Test"]);
        }

        var ev = CreateEvaluation(variables);
        var result = Run(ev, () => expression.Body.Eval(ev));
        return ev.MissedName && ReadAgainWithNames(expression, variables) is { Body: not null } again ? Evaluate(again, variables) : result;
    }

    /// <summary>Tests <paramref name="input"/> against unary tests (or an expression used as one); the value is true, false or null.</summary>
    public FeelResult Test(FeelExpression unaryTests, object? input, IReadOnlyDictionary<string, object?> variables)
    {
        ArgumentNullException.ThrowIfNull(unaryTests);
        ArgumentNullException.ThrowIfNull(variables);
        var ev = CreateEvaluation(variables);
        var value = FeelValues.Normalize(input);
        var result = Run(ev, () => unaryTests.Tests.Test(ev, value) is { } b ? FeelValues.Bool(b) : null);
        return ev.MissedName && ReadAgainWithNames(unaryTests, variables) is { } again ? Test(again, input, variables) : result;
    }

    /// <summary>
    /// An expression parsed without knowing the variables may have split a name holding a keyword or an operator
    /// (<c>time in hours</c>, <c>full-time</c>): when a name was missing at run time and the variables hold such a name
    /// the parse did not know, read the source again knowing them. The result is cached on the expression.
    /// </summary>
    private FeelExpression? ReadAgainWithNames(FeelExpression expression, IReadOnlyDictionary<string, object?> variables)
    {
        var unknown = variables.Keys
            .Where(k => k.Any(c => !char.IsLetterOrDigit(c) && c != '_') && !expression.KnowsName(k) && expression.Source.Contains(k, StringComparison.Ordinal))
            .ToArray();
        if (unknown.Length == 0)
        {
            return null;
        }

        var key = string.Join('\n', unknown.Order(StringComparer.Ordinal));
        if (expression.Reread is { } cached && cached.Names == key)
        {
            return cached.Expression;
        }

        var names = unknown.Concat(expression.KnownNames);
        var parsed = expression.IsUnaryTests ? ParseUnaryTests(expression.Source, names) : ParseExpression(expression.Source, names);
        var again = parsed.Success ? parsed.Expression : null;
        expression.Reread = new FeelExpression.Rereading(key, again);
        return again;
    }

    internal Evaluation CreateEvaluation(IReadOnlyDictionary<string, object?> variables) =>
        new(this, variables.Count == 0 ? VariablesScope.Empty : new VariablesScope(variables));

    internal FeelFunction? FindFunction(string name) => _extensions.Find(name) ?? BuiltIns.Find(name);

    private static FeelResult Run(Evaluation ev, Func<object?> body)
    {
        try
        {
            return new FeelResult(body(), ev.Warnings);
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            return new FeelResult(null, [.. ev.Warnings, message]);
        }
    }

    /// <summary>The warning for an exception that ends an evaluation; null for exceptions that are bugs.</summary>
    internal static string? Describe(Exception e) => e switch
    {
        // Sorting wraps what a precedes function threw.
        InvalidOperationException { InnerException: { } inner } when Describe(inner) is { } message => message,
        FeelLimitExceededException => e.Message,
        InsufficientExecutionStackException => "expression nested too deeply to evaluate",
        OverflowException or ArgumentException or FormatException or InvalidOperationException or InvalidCastException
            or IndexOutOfRangeException or TimeZoneNotFoundException or System.Text.RegularExpressions.RegexMatchTimeoutException
            => $"evaluation failed: {e.Message}",
        _ => null,
    };
}
