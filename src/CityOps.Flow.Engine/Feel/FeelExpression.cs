namespace CityOps.Flow.Engine.Feel;

/// <summary>A parsed FEEL expression or unary tests: immutable, thread-safe, and evaluated any number of times.</summary>
public sealed class FeelExpression
{
    internal FeelExpression(string source, Node? body, UnaryTest tests, IReadOnlyList<string>? knownNames = null)
    {
        Source = source;
        Body = body;
        Tests = tests;
        KnownNames = knownNames ?? [];
    }

    public string Source { get; }

    /// <summary>True for unary tests (a DMN input entry) rather than an expression.</summary>
    public bool IsUnaryTests => Body is null;

    /// <summary>The expression; null for unary tests.</summary>
    internal Node? Body { get; }

    /// <summary>The expression as a unary test (for an expression: DMN 1.2+ boolean-or-equality).</summary>
    internal UnaryTest Tests { get; }

    /// <summary>The variable names the parse was told about.</summary>
    internal IReadOnlyList<string> KnownNames { get; }

    /// <summary>The last re-reading with run-time variable names (see FeelEngine), keyed by those names.</summary>
    internal Rereading? Reread { get; set; }

    internal bool KnowsName(string name) => KnownNames.Contains(name, StringComparer.Ordinal);

    /// <summary>A class, so that replacing the cache is one atomic reference write.</summary>
    internal sealed record Rereading(string Names, FeelExpression? Expression);

    public override string ToString() => Source;
}
