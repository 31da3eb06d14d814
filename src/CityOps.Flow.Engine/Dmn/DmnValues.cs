using System.Globalization;

namespace CityOps.Flow.Engine.Dmn;

/// <summary>Equality, ordering and display of FEEL values where the hit policies need them.</summary>
internal static class DmnValues
{
    public static bool AreEqual(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a is IReadOnlyList<object?> left && b is IReadOnlyList<object?> right)
        {
            if (left.Count != right.Count)
            {
                return false;
            }

            for (var i = 0; i < left.Count; i++)
            {
                if (!AreEqual(left[i], right[i]))
                {
                    return false;
                }
            }

            return true;
        }

        if (a is IReadOnlyDictionary<string, object?> x && b is IReadOnlyDictionary<string, object?> y)
        {
            return x.Count == y.Count && x.All(entry => y.TryGetValue(entry.Key, out var other) && AreEqual(entry.Value, other));
        }

        return a.Equals(b);
    }

    /// <summary>Orders two values of the same comparable FEEL type; null when they cannot be compared.</summary>
    public static int? Compare(object? a, object? b) => (a, b) switch
    {
        (decimal x, decimal y) => x.CompareTo(y),
        (string x, string y) => string.CompareOrdinal(x, y),
        (IComparable x, _) when b is not null && a.GetType() == b.GetType() => x.CompareTo(b),
        _ => null,
    };

    public static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IReadOnlyList<object?> list => $"[{string.Join(", ", list.Select(Show))}]",
        IReadOnlyDictionary<string, object?> context => $"{{{string.Join(", ", context.Select(e => $"{e.Key}: {Show(e.Value)}"))}}}",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
