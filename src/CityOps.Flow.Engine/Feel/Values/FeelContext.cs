using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CityOps.Flow.Engine.Feel;

/// <summary>A FEEL context: an immutable map from names to values that keeps its insertion order.</summary>
public sealed class FeelContext : IReadOnlyDictionary<string, object?>
{
    public static readonly FeelContext Empty = new([]);

    private readonly KeyValuePair<string, object?>[] _entries;
    private Dictionary<string, int>? _index;

    internal FeelContext(KeyValuePair<string, object?>[] entries) => _entries = entries;

    public static FeelContext From(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        var builder = new Builder();
        foreach (var entry in entries)
        {
            builder.Set(entry.Key, entry.Value);
        }

        return builder.Build();
    }

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<object?> Values => _entries.Select(e => e.Value);

    public int Count => _entries.Length;

    internal ReadOnlySpan<KeyValuePair<string, object?>> Entries => _entries;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            value = null;
            return false;
        }

        value = _entries[i].Value;
        return true;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => FeelText.Format(this);

    private int IndexOf(string key)
    {
        if (_entries.Length <= 8)
        {
            for (var i = 0; i < _entries.Length; i++)
            {
                if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        _index ??= BuildIndex();
        return _index.TryGetValue(key, out var found) ? found : -1;
    }

    private Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(_entries.Length, StringComparer.Ordinal);
        for (var i = 0; i < _entries.Length; i++)
        {
            index[_entries[i].Key] = i;
        }

        return index;
    }

    /// <summary>Collects entries in order; a repeated key replaces the earlier value in place.</summary>
    internal sealed class Builder
    {
        private readonly List<KeyValuePair<string, object?>> _entries = [];
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public int Count => _entries.Count;

        public void Set(string key, object? value)
        {
            if (_index.TryGetValue(key, out var at))
            {
                _entries[at] = new(key, value);
                return;
            }

            _index[key] = _entries.Count;
            _entries.Add(new(key, value));
        }

        public bool Contains(string key) => _index.ContainsKey(key);

        public FeelContext Build() => new([.. _entries]);
    }
}
