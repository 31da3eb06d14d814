namespace CityOps.Flow.Engine.Feel;

/// <summary>One link of the chain of names in scope; lookups walk from the innermost outwards.</summary>
internal abstract class Scope(Scope? parent)
{
    public Scope? Parent { get; } = parent;

    public abstract bool TryGetLocal(string name, out object? value);

    public bool TryGet(string name, out object? value)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            if (s.TryGetLocal(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }
}

/// <summary>The host's variables, normalised to FEEL values as they are read.</summary>
internal sealed class VariablesScope(IReadOnlyDictionary<string, object?> variables) : Scope(null)
{
    public static readonly VariablesScope Empty = new(new Dictionary<string, object?>());

    // Lists, maps and JSON are converted once per evaluation, not on every read (a loop may read them often).
    private Dictionary<string, object?>? _converted;

    public override bool TryGetLocal(string name, out object? value)
    {
        if (!variables.TryGetValue(name, out var raw))
        {
            value = null;
            return false;
        }

        if (raw is null or string or decimal or bool)
        {
            value = raw;
            return true;
        }

        if (_converted is not null && _converted.TryGetValue(name, out value))
        {
            return true;
        }

        value = FeelValues.Normalize(raw);
        (_converted ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;
        return true;
    }
}

internal sealed class BindingScope(string name, object? value, Scope? parent) : Scope(parent)
{
    public override bool TryGetLocal(string n, out object? v)
    {
        if (string.Equals(n, name, StringComparison.Ordinal))
        {
            v = value;
            return true;
        }

        v = null;
        return false;
    }
}

internal sealed class ArgumentsScope(string[] names, object?[] values, Scope? parent) : Scope(parent)
{
    public override bool TryGetLocal(string n, out object? v)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(n, names[i], StringComparison.Ordinal))
            {
                v = values[i];
                return true;
            }
        }

        v = null;
        return false;
    }
}

internal sealed class ContextScope(IReadOnlyDictionary<string, object?> context, Scope? parent) : Scope(parent)
{
    public override bool TryGetLocal(string name, out object? value) => context.TryGetValue(name, out value);
}

/// <summary>The item of a filter: the name <c>item</c>, and the item's own entries when it is a context.</summary>
internal sealed class ItemScope(object? item, Scope? parent) : Scope(parent)
{
    public override bool TryGetLocal(string name, out object? value)
    {
        if (item is FeelContext context && context.TryGetValue(name, out value))
        {
            return true;
        }

        if (string.Equals(name, "item", StringComparison.Ordinal))
        {
            value = item;
            return true;
        }

        value = null;
        return false;
    }
}
