namespace CityOps.Flow.Engine.Feel;

/// <summary>A call <c>f(a, b)</c> or <c>f(x: a, y: b)</c>.</summary>
internal sealed class CallNode(Node callee, string[]? argumentNames, Node[] arguments) : Node
{
    public override object? Eval(Evaluation ev)
    {
        var target = callee.Eval(ev);
        if (target is not FeelFunction function)
        {
            if (callee is NameNode name && target is not null && name.BuiltIn is { } builtIn)
            {
                // A variable named like a built-in (say 'count') does not hide the built-in from calls.
                function = builtIn;
            }
            else
            {
                return target is null ? null : ev.Warn($"{FeelValues.TypeName(target)} is not a function");
            }
        }

        var values = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            values[i] = arguments[i].Eval(ev);
        }

        return argumentNames is null ? function.Invoke(ev, values) : function.Invoke(ev, argumentNames, values);
    }
}

/// <summary><c>function(a, b) body</c>: closes over the scope it is evaluated in.</summary>
internal sealed class FunctionDefinitionNode(string[] parameters, Node body) : Node
{
    public override object? Eval(Evaluation ev)
    {
        var closure = ev.Scope;
        return new FeelFunction("anonymous", new FeelSignature(parameters, parameters.Length, (inner, args) =>
        {
            var caller = inner.Scope;
            inner.Scope = new ArgumentsScope(parameters, args, closure);
            try
            {
                return body.Eval(inner);
            }
            finally
            {
                inner.Scope = caller;
            }
        }) { UserDefined = true });
    }
}

/// <summary>
/// <c>is defined(x)</c>: whether a variable or context entry exists (even holding null), without the warning that
/// reading a missing name gives.
/// </summary>
internal sealed class IsDefinedNode(Node argument) : Node
{
    public override object? Eval(Evaluation ev) => argument switch
    {
        NameNode name => FeelValues.Bool(ev.Scope.TryGet(name.Name, out _) || ev.Engine.FindFunction(name.Name) is not null),
        PathNode path => Defined(ev, path),
        _ => FeelValues.Bool(argument.Eval(ev) is not null),
    };

    private static object Defined(Evaluation ev, PathNode path)
    {
        var parent = path.Target is NameNode or PathNode ? new IsDefinedNode(path.Target).Eval(ev) : FeelValues.True;
        if (parent is not true)
        {
            return FeelValues.False;
        }

        return FeelValues.Bool(path.Target.Eval(ev) is FeelContext context && context.ContainsKey(path.Member));
    }
}
