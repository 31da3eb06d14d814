namespace CityOps.Flow.Engine.Feel;

internal static partial class BuiltIns
{
    private static void AddContexts(Registrar add)
    {
        add("get value", "m, key", (ev, a) => a is [FeelContext m, string key]
            ? (m.TryGetValue(key, out var v) ? v : null)
            : Invalid(ev, "get value", a));
        add("get entries", "m", (ev, a) => a[0] is FeelContext m
            ? m.Select(e => (object?)new FeelContext([new("key", e.Key), new("value", e.Value)])).ToArray()
            : Invalid(ev, "get entries", a));
        add("context put", "context, key, value", (ev, a) =>
        {
            if (a[0] is not FeelContext context)
            {
                return Invalid(ev, "context put", a);
            }

            return a[1] switch
            {
                string key => Put(context, key, a[2]),
                IReadOnlyList<object?> { Count: > 0 } keys when keys.All(k => k is string) => PutPath(ev, context, keys, 0, a[2]),
                _ => Invalid(ev, "context put", a),
            };
        });
        add("context merge", "contexts", (ev, a) =>
        {
            if (a[0] is not IReadOnlyList<object?> contexts || !contexts.All(c => c is FeelContext))
            {
                return Invalid(ev, "context merge", a);
            }

            var builder = new FeelContext.Builder();
            foreach (var c in contexts.Cast<FeelContext>())
            {
                foreach (var (key, value) in c)
                {
                    builder.Set(key, value);
                }
            }

            return builder.Build();
        });
        add("context", "entries", (ev, a) =>
        {
            var builder = new FeelContext.Builder();
            foreach (var entry in FeelValues.AsList(a[0]))
            {
                if (entry is not FeelContext e || !e.TryGetValue("key", out var key) || key is not string k || !e.ContainsKey("value") || builder.Contains(k))
                {
                    return ev.Warn("context() needs a list of distinct {key, value} entries");
                }

                builder.Set(k, e["value"]);
            }

            return builder.Build();
        });
    }

    private static FeelContext Put(FeelContext context, string key, object? value)
    {
        var builder = new FeelContext.Builder();
        foreach (var (k, v) in context)
        {
            builder.Set(k, v);
        }

        builder.Set(key, value);
        return builder.Build();
    }

    private static object? PutPath(Evaluation ev, FeelContext context, IReadOnlyList<object?> keys, int at, object? value)
    {
        var key = (string)keys[at]!;
        if (at == keys.Count - 1)
        {
            return Put(context, key, value);
        }

        var inner = context.TryGetValue(key, out var existing) ? existing as FeelContext : FeelContext.Empty;
        return inner is null ? ev.Warn($"context put(): '{key}' is not a context") : Put(context, key, PutPath(ev, inner, keys, at + 1, value));
    }
}
