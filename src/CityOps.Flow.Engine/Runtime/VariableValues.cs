using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Runtime;

/// <summary>Brings variables from callers (ints, doubles, arrays, dictionaries, DateTimeOffset) to the FEEL value shapes the engine stores.</summary>
public static class VariableValues
{
    public static IReadOnlyDictionary<string, object?> Normalize(IReadOnlyDictionary<string, object?>? variables)
    {
        if (variables is null || variables.Count == 0) return Empty;
        var normalized = new Dictionary<string, object?>(variables.Count, StringComparer.Ordinal);
        foreach (var (name, value) in variables) normalized[name] = FeelValues.Normalize(value);
        return normalized;
    }

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();
}
