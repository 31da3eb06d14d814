namespace CityOps.Flow.Engine.Feel;

/// <summary>A parsed FEEL expression or unary tests: immutable, thread-safe, and evaluated any number of times.</summary>
public sealed class FeelExpression
{
    internal FeelExpression(string source, Node? body, UnaryTest tests)
    {
        Source = source;
        Body = body;
        Tests = tests;
    }

    public string Source { get; }

    /// <summary>True for unary tests (a DMN input entry) rather than an expression.</summary>
    public bool IsUnaryTests => Body is null;

    /// <summary>The expression; null for unary tests.</summary>
    internal Node? Body { get; }

    /// <summary>The expression as a unary test (for an expression: DMN 1.2+ boolean-or-equality).</summary>
    internal UnaryTest Tests { get; }

    public override string ToString() => Source;
}
