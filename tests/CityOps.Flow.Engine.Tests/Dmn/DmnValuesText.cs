using System.Globalization;

namespace CityOps.Flow.Engine.Tests.Dmn;

/// <summary>Readable text of FEEL values for assertion messages.</summary>
internal static class DmnValuesText
{
    public static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IReadOnlyList<object?> list => $"[{string.Join(", ", list.Select(Show))}]",
        IReadOnlyDictionary<string, object?> context => $"{{{string.Join(", ", context.Select(e => $"{e.Key}: {Show(e.Value)}"))}}}",
        _ => $"{value} ({value.GetType().Name})",
    };
}
