namespace CityOps.Flow.Engine.Feel;

internal sealed partial class Parser
{
    /// <summary>Reads <c>name:</c> at the start of an argument, or nothing if the argument is positional.</summary>
    private string? NamedArgument()
    {
        var i = 0;
        while (Peek(i).Kind == TokenKind.Name)
        {
            i++;
        }

        if (i == 0 || !Peek(i).Is(":"))
        {
            return null;
        }

        var words = new string[i];
        for (var k = 0; k < i; k++)
        {
            words[k] = Advance().Text;
        }

        Advance();
        return string.Join(' ', words);
    }

    /// <summary>A name, possibly of several words (<c>monthly income</c>, <c>date and time</c>).</summary>
    private string Name(string context)
    {
        if (Current.Kind != TokenKind.Name)
        {
            throw Error($"expected a name {context}", Current);
        }

        if (KnownNameAt() is { } known)
        {
            return known;
        }

        var first = Advance().Text;
        if (KeywordName(first) is { } special)
        {
            return special;
        }

        var name = first;
        while (Current.Kind == TokenKind.Name && !Stops.Contains(Current.Text))
        {
            name += " " + Advance().Text;
        }

        return name;
    }

    /// <summary>
    /// The longest name in scope (a variable the host declared, a context key, a parameter) written at the current
    /// token, which resolves names holding keywords or operators, like <c>time in hours</c> or <c>full-time</c>.
    /// </summary>
    private string? KnownNameAt()
    {
        var best = PeekKnownName();
        if (best is null)
        {
            return null;
        }

        var end = Current.Offset + best.Length;
        while (Current.Kind != TokenKind.End && Current.Offset < end)
        {
            Advance();
        }

        return best;
    }

    private string? PeekKnownName()
    {
        if (_knownNames.Count == 0 || Current.Kind != TokenKind.Name)
        {
            return null;
        }

        var start = Current.Offset;
        string? best = null;
        foreach (var name in _knownNames)
        {
            if ((best is null || name.Length > best.Length) && string.CompareOrdinal(_source, start, name, 0, name.Length) == 0
                && (start + name.Length >= _source.Length || !char.IsLetterOrDigit(_source[start + name.Length])))
            {
                best = name;
            }
        }

        return best;
    }

    /// <summary>Makes a name known for the rest of the enclosing construct (context keys, parameters, loop variables).</summary>
    private int Declare(string name)
    {
        var mark = _knownNames.Count;
        if (name.Contains(' ') || name.Any(c => !char.IsLetterOrDigit(c) && c != '_'))
        {
            _knownNames.Add(name);
        }

        return mark;
    }

    private void Forget(int mark) => _knownNames.RemoveRange(mark, _knownNames.Count - mark);

    /// <summary>Built-in names that contain the keyword 'and'.</summary>
    private string? KeywordName(string first)
    {
        if (first == "get" && At("or") && Peek().Is("else"))
        {
            Advance();
            Advance();
            return "get or else";
        }

        if (first == "date" && At("and") && Peek().Is("time"))
        {
            Advance();
            Advance();
            return "date and time";
        }

        if ((first is "years" or "days") && At("and") && Peek().Kind == TokenKind.Name && Peek(2).Is("duration"))
        {
            var second = Peek().Text;
            if ((first == "years" && second == "months") || (first == "days" && second == "time"))
            {
                Advance();
                Advance();
                Advance();
                return $"{first} and {second} duration";
            }
        }

        return null;
    }
}
