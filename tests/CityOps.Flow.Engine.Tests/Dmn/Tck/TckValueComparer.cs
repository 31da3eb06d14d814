namespace CityOps.Flow.Engine.Tests.Dmn.Tck;

/// <summary>Compares a TCK expected value with a decision's value the way FEEL equality would.</summary>
public static class TckValueComparer
{
    public static bool Matches(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (decimal e, decimal a) => e == a,
        (IReadOnlyList<object?> e, IReadOnlyList<object?> a) => e.Count == a.Count && e.Zip(a).All(p => Matches(p.First, p.Second)),
        (IReadOnlyDictionary<string, object?> e, IReadOnlyDictionary<string, object?> a) =>
            e.Count == a.Count && e.All(entry => a.TryGetValue(entry.Key, out var value) && Matches(entry.Value, value)),
        _ => expected.Equals(actual),
    };
}
