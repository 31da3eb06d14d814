using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CityOps.Flow.Engine.Feel;

/// <summary>Normalises CLR values to FEEL's representation and implements FEEL equality and ordering.</summary>
internal static class FeelValues
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Bool(bool b) => b ? True : False;

    /// <summary>Maps host values (int, double, DateTime, arrays, dictionaries, JSON) to FEEL values.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null or string or bool or decimal or DateOnly or FeelTime or FeelDateTime or TimeSpan or FeelYearsMonthsDuration or FeelRange or FeelFunction or FeelContext => value,
        int i => (decimal)i,
        long l => (decimal)l,
        double d => double.IsFinite(d) ? (decimal)d : null,
        float f => float.IsFinite(f) ? (decimal)f : null,
        short s => (decimal)s,
        byte b => (decimal)b,
        uint u => (decimal)u,
        ulong ul => (decimal)ul,
        char c => c.ToString(),
        DateTime dt => dt.Kind == DateTimeKind.Utc ? new FeelDateTime(dt, TimeSpan.Zero) : new FeelDateTime(DateTime.SpecifyKind(dt, DateTimeKind.Unspecified)),
        DateTimeOffset dto => FeelDateTime.FromOffset(dto),
        TimeOnly t => new FeelTime(t),
        JsonElement e => FeelJson.FromJson(e),
        System.Text.Json.Nodes.JsonNode n => FeelJson.FromJson(JsonSerializer.SerializeToElement(n)),
        object?[] array => NormalizeList(array),
        IReadOnlyList<object?> list => NormalizeList(list),
        IReadOnlyDictionary<string, object?> map => NormalizeContext(map),
        IDictionary dictionary => NormalizeContext(dictionary),
        IEnumerable enumerable => NormalizeList(enumerable.Cast<object?>().ToArray()),
        Enum e => e.ToString(),
        _ => FromProperties(value),
    };

    /// <summary>A host object (a record, a DTO) as a context of its public properties.</summary>
    private static object? FromProperties(object value)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var properties = value.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToArray();
        if (properties.Length == 0)
        {
            return value.ToString();
        }

        var builder = new FeelContext.Builder();
        foreach (var property in properties)
        {
            builder.Set(property.Name, Normalize(property.GetValue(value)));
        }

        return builder.Build();
    }

    private static IReadOnlyList<object?> NormalizeList(IReadOnlyList<object?> list)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        object?[]? copy = null;
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            var normal = Normalize(item);
            if (copy is null && !ReferenceEquals(normal, item) && !(item is bool or decimal && Equals(item, normal)))
            {
                copy = new object?[list.Count];
                for (var j = 0; j < i; j++)
                {
                    copy[j] = list[j];
                }
            }

            if (copy is not null)
            {
                copy[i] = normal;
            }
        }

        return copy ?? list;
    }

    private static FeelContext NormalizeContext(IReadOnlyDictionary<string, object?> map)
    {
        var builder = new FeelContext.Builder();
        foreach (var (key, value) in map)
        {
            builder.Set(key, Normalize(value));
        }

        return builder.Build();
    }

    private static FeelContext NormalizeContext(IDictionary map)
    {
        var builder = new FeelContext.Builder();
        foreach (DictionaryEntry entry in map)
        {
            builder.Set(entry.Key.ToString() ?? "", Normalize(entry.Value));
        }

        return builder.Build();
    }

    public static string TypeName(object? value) => value switch
    {
        null => "Null",
        decimal => "number",
        string => "string",
        bool => "boolean",
        DateOnly => "date",
        FeelTime => "time",
        FeelDateTime => "date and time",
        TimeSpan => "days and time duration",
        FeelYearsMonthsDuration => "years and months duration",
        IReadOnlyList<object?> => "list",
        FeelContext => "context",
        FeelRange => "range",
        FeelFunction => "function",
        _ => value.GetType().Name,
    };

    /// <summary>FEEL '=': true/false, or null when the operands are of different kinds.</summary>
    public static bool? AreEqual(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        switch (a)
        {
            case decimal x when b is decimal y: return x == y;
            case string x when b is string y: return string.Equals(x, y, StringComparison.Ordinal);
            case bool x when b is bool y: return x == y;
            case DateOnly x when b is DateOnly y: return x == y;
            case DateOnly x when b is FeelDateTime y: return Temporal.Compare(Temporal.AtMidnight(x, y), y) == 0;
            case FeelDateTime x when b is DateOnly y: return Temporal.Compare(x, Temporal.AtMidnight(y, x)) == 0;
            // An offset and a zone id are different kinds of designation: equal only within a kind (as the DMN TCK has it).
            case FeelDateTime x when b is FeelDateTime y:
                return x.IsInstant == y.IsInstant && (x.Zone is null) == (y.Zone is null) && Temporal.Compare(x, y) == 0;
            case FeelTime x when b is FeelTime y:
                return (x.Zone is null) == (y.Zone is null) && Temporal.Compare(x, y) is 0;
            case TimeSpan x when b is TimeSpan y: return x == y;
            case FeelYearsMonthsDuration x when b is FeelYearsMonthsDuration y: return x == y;
            case IReadOnlyList<object?> x when b is IReadOnlyList<object?> y:
                RuntimeHelpers.EnsureSufficientExecutionStack();
                if (x.Count != y.Count)
                {
                    return false;
                }

                for (var i = 0; i < x.Count; i++)
                {
                    var e = AreEqual(x[i], y[i]);
                    if (e != true)
                    {
                        return e;
                    }
                }

                return true;
            case FeelContext x when b is FeelContext y:
                RuntimeHelpers.EnsureSufficientExecutionStack();
                if (x.Count != y.Count)
                {
                    return false;
                }

                foreach (var (key, value) in x)
                {
                    if (!y.TryGetValue(key, out var other))
                    {
                        return false;
                    }

                    var e = AreEqual(value, other);
                    if (e != true)
                    {
                        return e;
                    }
                }

                return true;
            case FeelRange x when b is FeelRange y:
                return x.StartIncluded == y.StartIncluded && x.EndIncluded == y.EndIncluded
                    && AreEqual(x.Start, y.Start) == true && AreEqual(x.End, y.End) == true;
            case FeelFunction x when b is FeelFunction y: return ReferenceEquals(x, y);
            default: return null;
        }
    }

    /// <summary>FEEL ordering: negative/zero/positive, or null when the values are not comparable.</summary>
    public static int? Compare(object? a, object? b) => a switch
    {
        decimal x when b is decimal y => x.CompareTo(y),
        string x when b is string y => Math.Sign(string.CompareOrdinal(x, y)),
        DateOnly x when b is DateOnly y => x.CompareTo(y),
        DateOnly x when b is FeelDateTime y => Temporal.Compare(Temporal.AtMidnight(x, y), y),
        FeelDateTime x when b is DateOnly y => Temporal.Compare(x, Temporal.AtMidnight(y, x)),
        FeelDateTime x when b is FeelDateTime y => Temporal.Compare(x, y),
        FeelTime x when b is FeelTime y => Temporal.Compare(x, y),
        TimeSpan x when b is TimeSpan y => x.CompareTo(y),
        FeelYearsMonthsDuration x when b is FeelYearsMonthsDuration y => x.CompareTo(y),
        _ => null,
    };

    /// <summary>Hashes consistently with <see cref="AreEqual"/>, so distinct values and unions need not compare every pair.</summary>
    public static readonly IEqualityComparer<object?> EqualityComparer = new FeelEqualityComparer();

    private sealed class FeelEqualityComparer : IEqualityComparer<object?>
    {
        public new bool Equals(object? x, object? y) => AreEqual(x, y) == true;

        public int GetHashCode(object? value) => value switch
        {
            null => 0,
            decimal d => (d / 1.0000000000000000000000000000m).GetHashCode(),
            DateOnly d => d.ToDateTime(TimeOnly.MinValue).Ticks.GetHashCode(),
            FeelDateTime dt => (dt.Instant?.UtcDateTime ?? dt.Local).Ticks.GetHashCode(),
            FeelTime => 17,
            IReadOnlyList<object?> list => list.Count,
            FeelContext context => context.Count,
            FeelRange => 19,
            _ => value.GetHashCode(),
        };
    }

    /// <summary>FEEL lifts a single value to a singleton list where a list is expected.</summary>
    public static IReadOnlyList<object?> AsList(object? value) => value as IReadOnlyList<object?> ?? [value];
}
