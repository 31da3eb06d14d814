using System.Text.Json;

namespace CityOps.Flow.Engine.Tests.FeelDifferential;

/// <summary>One corpus entry with the reference value feelin produced and, where feelin departs from the spec, the spec's value.</summary>
public sealed record DifferentialEntry(string Id, string Kind, string Text)
{
    public JsonElement? Context { get; init; }

    public JsonElement? Input { get; init; }

    /// <summary>The value the test requires: feelin's, or the specification's for a known difference.</summary>
    public required JsonElement Expected { get; init; }

    public bool ExpectsSyntaxError { get; init; }

    /// <summary>The DMN 1.5 reference when feelin's value is replaced by the specification's.</summary>
    public string? KnownDifference { get; init; }

    public bool IsUnaryTest => Kind == "unary";
}
