using System.Globalization;

namespace CityOps.Flow.Engine.Feel;

internal sealed partial class Parser
{
    private Node Primary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Number:
                Advance();
                if (!decimal.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    throw Error($"number {t.Text} is out of range", t);
                }

                return new LiteralNode(number);
            case TokenKind.String:
                Advance();
                return new LiteralNode(t.Text);
            case TokenKind.Temporal:
                Advance();
                return new LiteralNode(TemporalText.ParseAny(t.Text) ?? throw Error($"invalid temporal literal @\"{t.Text}\"", t));
            case TokenKind.End:
                throw Error("unexpected end of input, expected an expression", t);
            case TokenKind.Symbol:
                return t.Text switch
                {
                    "(" => Parenthesised(),
                    "[" => ListOrRange(),
                    "]" => Range(),
                    "{" => Context(),
                    "?" => Input(),
                    "<" or "<=" or ">" or ">=" => OpenRange(),
                    _ => throw Error($"unexpected {t.Describe()}, expected an expression", t),
                };
        }

        switch (PeekKnownName() is null ? t.Text : "")
        {
            case "true":
                Advance();
                return new LiteralNode(FeelValues.True);
            case "false":
                Advance();
                return new LiteralNode(FeelValues.False);
            case "null":
                Advance();
                return new LiteralNode(null);
            case "if" or "for" or "some" or "every" or "function":
                return Expression();
            case "and" or "or" or "then" or "else" or "return" or "satisfies" or "in" or "between":
                throw Error($"unexpected keyword '{t.Text}', expected an expression", t);
        }

        var name = Name("");
        if (name == "partial")
        {
            _partialReads++;
        }

        return new NameNode(name, _builtIns(name));
    }

    /// <summary><c>&lt; 10</c> as a value: the range open towards minus (or plus) infinity, as DMN 1.5 allows.</summary>
    private Node OpenRange()
    {
        var op = Advance().Text;
        var endpoint = Additive();
        return op switch
        {
            "<" => new RangeNode(null, false, endpoint, false),
            "<=" => new RangeNode(null, false, endpoint, true),
            ">" => new RangeNode(endpoint, false, null, false),
            _ => new RangeNode(endpoint, true, null, false),
        };
    }

    private Node Input()
    {
        Advance();
        _inputReads++;
        return new InputNode();
    }

    private Node Parenthesised()
    {
        var open = Advance();
        var inner = Expression();
        if (Accept(".."))
        {
            return RangeEnd(inner, false);
        }

        if (!At(")"))
        {
            throw Error($"expected ')' to close '(' at {open.Line}:{open.Column}", Current);
        }

        Advance();
        return inner;
    }

    private Node ListOrRange()
    {
        Advance();
        if (Accept("]"))
        {
            return new LiteralNode(Array.Empty<object?>());
        }

        var first = Expression();
        if (Accept(".."))
        {
            return RangeEnd(first, true);
        }

        var items = new List<Node> { first };
        while (Accept(","))
        {
            items.Add(Expression());
        }

        Expect("]", "to close the list");
        return items.TrueForAll(i => i is LiteralNode)
            ? new LiteralNode(items.Select(i => ((LiteralNode)i).Value).ToArray())
            : new ListNode([.. items]);
    }

    private Node Range()
    {
        Advance();
        var start = Expression();
        Expect("..", "in the range");
        return RangeEnd(start, false);
    }

    private Node RangeEnd(Node start, bool startIncluded)
    {
        var end = Expression();
        bool endIncluded;
        if (Accept("]"))
        {
            endIncluded = true;
        }
        else if (Accept(")") || Accept("["))
        {
            endIncluded = false;
        }
        else
        {
            throw Error("expected ']' or ')' to close the range", Current);
        }

        var range = new RangeNode(start, startIncluded, end, endIncluded);
        return start is LiteralNode && end is LiteralNode && range.Eval(new Evaluation(FeelEngine.Neutral, VariablesScope.Empty)) is FeelRange constant
            ? new LiteralNode(constant)
            : range;
    }

    private Node Context()
    {
        var open = Advance();
        var keys = new List<string>();
        var values = new List<Node>();
        var mark = _knownNames.Count;
        if (!At("}"))
        {
            do
            {
                var keyToken = Current;
                string key;
                if (Current.Kind == TokenKind.String)
                {
                    key = Advance().Text;
                }
                else if (Current.Kind == TokenKind.Name)
                {
                    // A key runs up to its colon and may hold any characters a name may: "full-time", "time in hours".
                    var begin = Current.Offset;
                    while (Current.Kind == TokenKind.Name || (Current.Kind == TokenKind.Symbol && Current.Text is "-" or "+" or "*" or "/" or "."))
                    {
                        Advance();
                    }

                    key = string.Join(' ', _source[begin..Current.Offset].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                }
                else
                {
                    throw Error("expected a context key", Current);
                }

                if (keys.Contains(key))
                {
                    throw Error($"duplicate context key '{key}'", keyToken);
                }

                Expect(":", $"after context key '{key}'");
                keys.Add(key);

                // An entry may call itself (recursive functions), so its key is known inside its own value.
                Declare(key);
                values.Add(Expression());
            }
            while (Accept(","));
        }

        if (!At("}"))
        {
            throw Error($"expected '}}' to close '{{' at {open.Line}:{open.Column}", Current);
        }

        Advance();
        Forget(mark);
        return new ContextNode([.. keys], [.. values]);
    }

    private FeelType Type()
    {
        Enter();
        try
        {
            var at = Current;
            var name = Name("as a type");
            switch (name)
            {
                case "list" when Accept("<"):
                    var item = Type();
                    Expect(">", "after the list item type");
                    return new ListType(item);
                case "range" when Accept("<"):
                    var bound = Type();
                    Expect(">", "after the range type");
                    return new RangeType(bound);
                case "context" when Accept("<"):
                    var entries = new List<KeyValuePair<string, FeelType>>();
                    do
                    {
                        var key = Name("as a context type key");
                        Expect(":", "after the context type key");
                        entries.Add(new(key, Type()));
                    }
                    while (Accept(","));
                    Expect(">", "after the context type");
                    return new ContextType(entries);
                case "function" when Accept("<"):
                    var parameters = new List<FeelType>();
                    if (!At(">"))
                    {
                        do
                        {
                            parameters.Add(Type());
                        }
                        while (Accept(","));
                    }

                    Expect(">", "after the function parameter types");
                    Expect("->", "before the function result type");
                    return new FunctionType(parameters, Type());
            }

            return FeelType.Named(name) ?? throw Error($"unknown type '{name}'", at);
        }
        finally
        {
            _depth--;
        }
    }
}
