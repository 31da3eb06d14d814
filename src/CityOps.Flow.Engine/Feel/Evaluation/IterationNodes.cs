namespace CityOps.Flow.Engine.Feel;

/// <summary>One <c>name in domain</c> of a <c>for</c> or a quantifier; <c>1..3</c> counts through integers.</summary>
internal sealed record IterationContext(string Name, Node Domain, Node? RangeEnd)
{
    public IReadOnlyList<object?>? Values(Evaluation ev)
    {
        var domain = Domain.Eval(ev);
        if (RangeEnd is not null)
        {
            return Count(ev, domain, RangeEnd.Eval(ev));
        }

        return domain switch
        {
            IReadOnlyList<object?> list => list,
            FeelRange { Start: decimal s, End: decimal e } r => Count(ev, r.StartIncluded ? s : s + 1, r.EndIncluded ? e : e - 1),
            null => null,
            _ => [domain],
        };
    }

    private static IReadOnlyList<object?>? Count(Evaluation ev, object? from, object? to)
    {
        if (from is not decimal a || to is not decimal b || a != decimal.Truncate(a) || b != decimal.Truncate(b))
        {
            ev.Warn("a for range must have integer bounds");
            return null;
        }

        var length = Math.Abs(b - a) + 1;
        if (length > ev.Limits.MaxListSize)
        {
            throw new FeelLimitExceededException($"range of {length} items is longer than {ev.Limits.MaxListSize}");
        }

        return new CountingList(a, (int)length, a <= b ? 1 : -1);
    }

    /// <summary>An integer sequence that is never materialised.</summary>
    private sealed class CountingList(decimal first, int count, int step) : IReadOnlyList<object?>
    {
        public object? this[int index] => first + (index * step);

        public int Count => count;

        public IEnumerator<object?> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary><c>for x in xs, y in ys return e</c>, with <c>partial</c> bound to the results so far.</summary>
internal sealed class ForNode(IterationContext[] contexts, Node body, bool bindsPartial) : Node
{
    public override object? Eval(Evaluation ev)
    {
        var results = new List<object?>();
        var outer = ev.Scope;
        try
        {
            return Loop(ev, 0, outer, results) ? results.ToArray() : null;
        }
        finally
        {
            ev.Scope = outer;
        }
    }

    private bool Loop(Evaluation ev, int depth, Scope scope, List<object?> results)
    {
        ev.Scope = scope;
        var values = contexts[depth].Values(ev);
        if (values is null)
        {
            return false;
        }

        for (var i = 0; i < values.Count; i++)
        {
            ev.Step();
            var inner = new BindingScope(contexts[depth].Name, values[i], scope);
            if (depth + 1 < contexts.Length)
            {
                if (!Loop(ev, depth + 1, inner, results))
                {
                    return false;
                }
            }
            else
            {
                ev.Scope = bindsPartial ? new BindingScope("partial", new ResultsSoFar(results, results.Count), inner) : inner;
                results.Add(body.Eval(ev));
                ev.CheckListSize(results.Count);
                ev.Allocate(1);
            }
        }

        return true;
    }
}

/// <summary>
/// <c>partial</c>: a view of the first results of a <c>for</c>, which only ever appends, so the view never changes
/// and costs nothing to make.
/// </summary>
internal sealed class ResultsSoFar(List<object?> results, int count) : IReadOnlyList<object?>
{
    public object? this[int index] => (uint)index < (uint)count ? results[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public int Count => count;

    public IEnumerator<object?> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return results[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary><c>some</c>/<c>every x in xs satisfies e</c>.</summary>
internal sealed class QuantifiedNode(bool every, IterationContext[] contexts, Node condition) : Node
{
    public override object? Eval(Evaluation ev)
    {
        var outer = ev.Scope;
        try
        {
            var result = Loop(ev, 0, outer);
            return result is null ? null : FeelValues.Bool(result.Value);
        }
        finally
        {
            ev.Scope = outer;
        }
    }

    private bool? Loop(Evaluation ev, int depth, Scope scope)
    {
        ev.Scope = scope;
        var values = contexts[depth].Values(ev);
        if (values is null)
        {
            return null;
        }

        var sawNull = false;
        for (var i = 0; i < values.Count; i++)
        {
            ev.Step();
            var inner = new BindingScope(contexts[depth].Name, values[i], scope);
            bool? holds;
            if (depth + 1 < contexts.Length)
            {
                holds = Loop(ev, depth + 1, inner);
            }
            else
            {
                ev.Scope = inner;
                holds = condition.Eval(ev) as bool?;
            }

            if (holds == !every)
            {
                return !every;
            }

            sawNull |= holds is null;
        }

        return sawNull ? null : every;
    }
}
