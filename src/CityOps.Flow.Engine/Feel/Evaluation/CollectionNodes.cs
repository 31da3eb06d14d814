namespace CityOps.Flow.Engine.Feel;

internal sealed class ListNode(Node[] items) : Node
{
    public override object? Eval(Evaluation ev)
    {
        var values = new object?[items.Length];
        ev.Allocate(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            values[i] = items[i].Eval(ev);
        }

        return values;
    }
}

/// <summary><c>{a: 1, b: a + 1}</c>: later entries see the earlier ones.</summary>
internal sealed class ContextNode(string[] keys, Node[] values) : Node
{
    public override object? Eval(Evaluation ev)
    {
        var entries = new KeyValuePair<string, object?>[keys.Length];
        var outer = ev.Scope;
        var partial = new PartialContextScope(entries, outer);
        ev.Scope = partial;
        try
        {
            for (var i = 0; i < keys.Length; i++)
            {
                var value = values[i].Eval(ev);
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(entries[j].Key, keys[i], StringComparison.Ordinal))
                    {
                        return ev.Warn($"context has duplicate key '{keys[i]}'");
                    }
                }

                entries[i] = new(keys[i], value);
                partial.Count = i + 1;
            }
        }
        finally
        {
            ev.Scope = outer;
        }

        return new FeelContext(entries);
    }

    private sealed class PartialContextScope(KeyValuePair<string, object?>[] entries, Scope parent) : Scope(parent)
    {
        public int Count { get; set; }

        public override bool TryGetLocal(string name, out object? value)
        {
            for (var i = 0; i < Count; i++)
            {
                if (string.Equals(entries[i].Key, name, StringComparison.Ordinal))
                {
                    value = entries[i].Value;
                    return true;
                }
            }

            value = null;
            return false;
        }
    }
}

internal sealed class RangeNode(Node? start, bool startIncluded, Node? end, bool endIncluded) : Node
{
    public override object? Eval(Evaluation ev)
    {
        var s = start?.Eval(ev);
        var e = end?.Eval(ev);
        if (s is not null && e is not null && FeelValues.Compare(s, e) is null)
        {
            return ev.Warn($"range bounds {FeelValues.TypeName(s)} and {FeelValues.TypeName(e)} are not comparable");
        }

        if ((start is not null && s is null) || (end is not null && e is null))
        {
            return ev.Warn("range bound is null");
        }

        return new FeelRange(s, startIncluded, e, endIncluded);
    }
}

/// <summary><c>a.b</c>: a context entry, a property of a temporal value or range, or mapped over a list.</summary>
internal sealed class PathNode(Node target, string member) : Node
{
    public Node Target => target;

    public string Member => member;

    public override object? Eval(Evaluation ev) => Select(ev, target.Eval(ev), member);

    public static object? Select(Evaluation ev, object? value, string member)
    {
        switch (value)
        {
            case null:
                return null;
            case FeelContext context:
                return context.TryGetValue(member, out var found) ? found : ev.Warn($"no context entry '{member}'");
            case IReadOnlyList<object?> list:
                ev.CheckListSize(list.Count);
                ev.Allocate(list.Count);
                var mapped = new object?[list.Count];
                for (var i = 0; i < list.Count; i++)
                {
                    ev.Step();
                    mapped[i] = Select(ev, list[i], member);
                }

                return mapped;
        }

        return Properties.Of(value, member, out var property) ? property : ev.Warn($"{FeelValues.TypeName(value)} has no property '{member}'");
    }
}

internal sealed class FilterNode(Node target, Node filter) : Node
{
    public override object? Eval(Evaluation ev)
    {
        var value = target.Eval(ev);
        if (value is null)
        {
            return null;
        }

        var list = FeelValues.AsList(value);
        if (filter is LiteralNode { Value: decimal literal })
        {
            return Index(list, literal);
        }

        if (list.Count == 0)
        {
            return Array.Empty<object?>();
        }

        var outer = ev.Scope;
        try
        {
            List<object?>? kept = null;
            for (var i = 0; i < list.Count; i++)
            {
                ev.Step();
                ev.Scope = new ItemScope(list[i], outer);
                var test = filter.Eval(ev);
                if (i == 0 && test is decimal index)
                {
                    return Index(list, index);
                }

                if (test is true)
                {
                    (kept ??= []).Add(list[i]);
                    ev.Allocate(1);
                }
            }

            return kept?.ToArray() ?? [];
        }
        finally
        {
            ev.Scope = outer;
        }
    }

    private static object? Index(IReadOnlyList<object?> list, decimal index)
    {
        if (index != decimal.Truncate(index) || index == 0 || Math.Abs(index) > list.Count)
        {
            return null;
        }

        var i = (int)index;
        return i > 0 ? list[i - 1] : list[list.Count + i];
    }
}
