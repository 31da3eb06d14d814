namespace CityOps.Flow.Engine.Feel;

/// <summary>
/// The DMN 1.5 range functions (before, after, meets, overlaps, includes, ...) over points and ranges;
/// an open-ended bound (<c>&lt; 5</c>) stands for minus or plus infinity.
/// </summary>
internal static class RangeRelations
{
    private readonly record struct Bound(object? Value, bool Included, int Infinity);

    private static Bound Start(FeelRange r) => new(r.Start, r.StartIncluded, r.Start is null ? -1 : 0);

    private static Bound End(FeelRange r) => new(r.End, r.EndIncluded, r.End is null ? 1 : 0);

    private static Bound Point(object p) => new(p, true, 0);

    private static int C(Bound a, Bound b)
    {
        if (a.Infinity != 0 || b.Infinity != 0)
        {
            return a.Infinity.CompareTo(b.Infinity);
        }

        return FeelValues.Compare(a.Value, b.Value) ?? throw new InvalidOperationException(
            $"range function cannot compare {FeelValues.TypeName(a.Value)} with {FeelValues.TypeName(b.Value)}");
    }

    public static void Register(Action<string, string, Func<Evaluation, object?[], object?>> add)
    {
        Relation(add, "before", ["point1, point2", "point, range", "range, point", "range1, range2"], Before);
        Relation(add, "after", ["point1, point2", "point, range", "range, point", "range1, range2"], (a, b) => Before(b, a));
        Relation(add, "meets", ["range1, range2"], (a, b) => a is FeelRange r1 && b is FeelRange r2
            ? r1.EndIncluded && r2.StartIncluded && C(End(r1), Start(r2)) == 0
            : null);
        Relation(add, "met by", ["range1, range2"], (a, b) => a is FeelRange r1 && b is FeelRange r2
            ? r1.StartIncluded && r2.EndIncluded && C(Start(r1), End(r2)) == 0
            : null);
        Relation(add, "overlaps", ["range1, range2"], (a, b) => a is FeelRange r1 && b is FeelRange r2
            ? (C(End(r1), Start(r2)) > 0 || (C(End(r1), Start(r2)) == 0 && r1.EndIncluded && r2.StartIncluded))
                && (C(Start(r1), End(r2)) < 0 || (C(Start(r1), End(r2)) == 0 && r1.StartIncluded && r2.EndIncluded))
            : null);
        Relation(add, "overlaps before", ["range1, range2"], (a, b) => a is FeelRange r1 && b is FeelRange r2 ? OverlapsBefore(r1, r2) : null);
        Relation(add, "overlaps after", ["range1, range2"], (a, b) => a is FeelRange r1 && b is FeelRange r2 ? OverlapsBefore(r2, r1) : null);
        Relation(add, "finishes", ["point, range", "range1, range2"], (a, b) => (a, b) switch
        {
            (FeelRange r1, FeelRange r2) => r1.EndIncluded == r2.EndIncluded && C(End(r1), End(r2)) == 0
                && (C(Start(r1), Start(r2)) > 0 || (C(Start(r1), Start(r2)) == 0 && (!r1.StartIncluded || r2.StartIncluded))),
            (not FeelRange and not null, FeelRange r) => r.EndIncluded && C(End(r), Point(a!)) == 0,
            _ => null,
        });
        Relation(add, "finished by", ["range, point", "range1, range2"], (a, b) => (a, b) switch
        {
            (FeelRange r1, FeelRange r2) => r1.EndIncluded == r2.EndIncluded && C(End(r1), End(r2)) == 0
                && (C(Start(r1), Start(r2)) < 0 || (C(Start(r1), Start(r2)) == 0 && (r1.StartIncluded || !r2.StartIncluded))),
            (FeelRange r, not FeelRange and not null) => r.EndIncluded && C(End(r), Point(b!)) == 0,
            _ => null,
        });
        Relation(add, "includes", ["range, point", "range1, range2"], Includes);
        Relation(add, "during", ["point, range", "range1, range2"], (a, b) => Includes(b, a));
        Relation(add, "starts", ["point, range", "range1, range2"], (a, b) => (a, b) switch
        {
            (FeelRange r1, FeelRange r2) => C(Start(r1), Start(r2)) == 0 && r1.StartIncluded == r2.StartIncluded
                && (C(End(r1), End(r2)) < 0 || (C(End(r1), End(r2)) == 0 && (!r1.EndIncluded || r2.EndIncluded))),
            (not FeelRange and not null, FeelRange r) => r.StartIncluded && C(Start(r), Point(a!)) == 0,
            _ => null,
        });
        Relation(add, "started by", ["range, point", "range1, range2"], (a, b) => (a, b) switch
        {
            (FeelRange r1, FeelRange r2) => C(Start(r1), Start(r2)) == 0 && r1.StartIncluded == r2.StartIncluded
                && (C(End(r2), End(r1)) < 0 || (C(End(r2), End(r1)) == 0 && (!r2.EndIncluded || r1.EndIncluded))),
            (FeelRange r, not FeelRange and not null) => r.StartIncluded && C(Start(r), Point(b!)) == 0,
            _ => null,
        });
        Relation(add, "coincides", ["point1, point2", "range1, range2"], (a, b) => (a, b) switch
        {
            (FeelRange r1, FeelRange r2) => C(Start(r1), Start(r2)) == 0 && r1.StartIncluded == r2.StartIncluded
                && C(End(r1), End(r2)) == 0 && r1.EndIncluded == r2.EndIncluded,
            (not FeelRange and not null, not FeelRange and not null) => C(Point(a!), Point(b!)) == 0,
            _ => null,
        });
    }

    private static void Relation(
        Action<string, string, Func<Evaluation, object?[], object?>> add,
        string name,
        string[] parameterSets,
        Func<object?, object?, bool?> relation)
    {
        foreach (var parameters in parameterSets)
        {
            add(name, parameters, (ev, args) =>
            {
                if (args[0] is null || args[1] is null)
                {
                    return null;
                }

                bool? result;
                try
                {
                    result = relation(args[0], args[1]);
                }
                catch (InvalidOperationException e)
                {
                    return ev.Warn(e.Message);
                }

                return result is null ? ev.Warn($"{name}() is not defined for {FeelValues.TypeName(args[0])} and {FeelValues.TypeName(args[1])}") : FeelValues.Bool(result.Value);
            });
        }
    }

    private static bool? Before(object? a, object? b) => (a, b) switch
    {
        (FeelRange r1, FeelRange r2) => C(End(r1), Start(r2)) < 0 || ((!r1.EndIncluded || !r2.StartIncluded) && C(End(r1), Start(r2)) == 0),
        (FeelRange r, not null) => C(End(r), Point(b)) < 0 || (!r.EndIncluded && C(End(r), Point(b)) == 0),
        (not null, FeelRange r) => C(Point(a), Start(r)) < 0 || (!r.StartIncluded && C(Point(a), Start(r)) == 0),
        (not null, not null) => C(Point(a), Point(b)) < 0,
        _ => null,
    };

    private static bool OverlapsBefore(FeelRange r1, FeelRange r2) =>
        (C(Start(r1), Start(r2)) < 0 || (C(Start(r1), Start(r2)) == 0 && r1.StartIncluded && !r2.StartIncluded))
        && (C(End(r1), Start(r2)) > 0 || (C(End(r1), Start(r2)) == 0 && r1.EndIncluded && r2.StartIncluded))
        && (C(End(r1), End(r2)) < 0 || (C(End(r1), End(r2)) == 0 && (!r1.EndIncluded || r2.EndIncluded)));

    private static bool? Includes(object? a, object? b) => (a, b) switch
    {
        (FeelRange r1, FeelRange r2) =>
            (C(Start(r1), Start(r2)) < 0 || (C(Start(r1), Start(r2)) == 0 && (r1.StartIncluded || !r2.StartIncluded)))
            && (C(End(r1), End(r2)) > 0 || (C(End(r1), End(r2)) == 0 && (r1.EndIncluded || !r2.EndIncluded))),
        (FeelRange r, not null) =>
            (C(Start(r), Point(b)) < 0 && C(End(r), Point(b)) > 0)
            || (C(Start(r), Point(b)) == 0 && r.StartIncluded)
            || (C(End(r), Point(b)) == 0 && r.EndIncluded),
        _ => null,
    };
}
