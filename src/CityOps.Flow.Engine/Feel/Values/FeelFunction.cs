namespace CityOps.Flow.Engine.Feel;

/// <summary>A FEEL function value: a built-in, a host extension, or a user-defined <c>function(a, b) ...</c>.</summary>
public sealed class FeelFunction
{
    internal FeelFunction(string name, params FeelSignature[] signatures)
    {
        Name = name;
        Signatures = signatures;
    }

    public string Name { get; }

    /// <summary>The parameter names of the first signature.</summary>
    public IReadOnlyList<string> ParameterNames => Signatures[0].Names;

    internal IReadOnlyList<FeelSignature> Signatures { get; }

    public override string ToString() => FeelText.Format(this);

    internal object? Invoke(Evaluation ev, object?[] args)
    {
        foreach (var signature in Signatures)
        {
            if (signature.Accepts(args.Length))
            {
                return Run(ev, signature, signature.Spread(args));
            }
        }

        return ev.Warn($"function '{Name}' does not take {args.Length} argument{(args.Length == 1 ? "" : "s")}");
    }

    internal object? Invoke(Evaluation ev, string[] names, object?[] values)
    {
        foreach (var signature in Signatures)
        {
            if (signature.Bind(names, values) is { } args)
            {
                return Run(ev, signature, args);
            }
        }

        return ev.Warn($"function '{Name}' has no parameters named {string.Join(", ", names.Select(n => $"'{n}'"))}");
    }

    private static object? Run(Evaluation ev, FeelSignature signature, object?[] args)
    {
        ev.EnterCall();
        try
        {
            var result = signature.Body(ev, args);
            return signature.UserDefined ? result : ev.Account(result);
        }
        finally
        {
            ev.ExitCall();
        }
    }
}

/// <summary>How a function takes its last parameter.</summary>
internal enum ParameterShape
{
    Fixed,

    /// <summary>A list, or the items of one spread over the arguments: <c>min([1, 2])</c> or <c>min(1, 2)</c>.</summary>
    ListOrSpread,

    /// <summary>All arguments gathered into a list: <c>concatenate([1], [2])</c>.</summary>
    Spread,
}

internal sealed record FeelSignature(string[] Names, int Required, Func<Evaluation, object?[], object?> Body, ParameterShape Shape = ParameterShape.Fixed)
{
    /// <summary>A FEEL-defined function, whose results were already charged to the budget as they were built.</summary>
    public bool UserDefined { get; init; }

    public bool Accepts(int count) => Shape == ParameterShape.Fixed ? count >= Required && count <= Names.Length : count >= 1 || Required == 0;

    public object?[] Spread(object?[] args)
    {
        switch (Shape)
        {
            case ParameterShape.ListOrSpread when args.Length == 1:
                return args;
            case ParameterShape.ListOrSpread or ParameterShape.Spread:
                return [args];
            default:
                if (args.Length == Names.Length)
                {
                    return args;
                }

                var padded = new object?[Names.Length];
                Array.Copy(args, padded, args.Length);
                return padded;
        }
    }

    public object?[]? Bind(string[] names, object?[] values)
    {
        var args = new object?[Names.Length];
        var given = new bool[Names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var at = Array.IndexOf(Names, names[i]);
            if (at < 0 || given[at])
            {
                return null;
            }

            args[at] = values[i];
            given[at] = true;
        }

        for (var i = 0; i < Required; i++)
        {
            if (!given[i])
            {
                return null;
            }
        }

        return args;
    }
}
