namespace CityOps.Flow.Engine.Feel;

/// <summary>A compiled FEEL expression node: an immutable tree walked by <see cref="Eval"/>.</summary>
internal abstract class Node
{
    public abstract object? Eval(Evaluation ev);
}

internal sealed class LiteralNode(object? value) : Node
{
    public object? Value { get; } = value;

    public override object? Eval(Evaluation ev) => Value;
}

/// <summary><c>?</c>: the value under test in a unary test.</summary>
internal sealed class InputNode : Node
{
    public override object? Eval(Evaluation ev) => ev.Input;
}

internal sealed class NameNode(string name, FeelFunction? builtIn) : Node
{
    public string Name { get; } = name;

    public FeelFunction? BuiltIn { get; } = builtIn;

    public override object? Eval(Evaluation ev)
    {
        if (ev.Scope.TryGet(Name, out var value))
        {
            return value;
        }

        if ((BuiltIn ?? ev.Engine.FindFunction(Name)) is { } function)
        {
            return function;
        }

        ev.MissedName = true;
        return ev.Warn($"no variable found for name '{Name}'");
    }
}

/// <summary>A left-associative chain <c>a + b - c</c>, evaluated in a loop.</summary>
internal sealed class ArithmeticNode(ArithmeticOperator[] operators, Node[] operands) : Node
{
    public override object? Eval(Evaluation ev)
    {
        var acc = operands[0].Eval(ev);
        for (var i = 0; i < operators.Length; i++)
        {
            var next = operands[i + 1].Eval(ev);
            if (operators[i] == ArithmeticOperator.Add && acc is decimal x && next is decimal y)
            {
                try
                {
                    acc = x + y;
                    continue;
                }
                catch (OverflowException)
                {
                    return ev.Warn("'+' overflowed");
                }
            }

            acc = Arithmetic.Apply(ev, operators[i], acc, next);
        }

        return acc;
    }
}

internal sealed class NegateNode(Node operand) : Node
{
    public override object? Eval(Evaluation ev) => Arithmetic.Negate(ev, operand.Eval(ev));
}

internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

internal sealed class ComparisonNode(ComparisonOperator op, Node left, Node right) : Node
{
    public override object? Eval(Evaluation ev) => Comparison.Apply(ev, op, left.Eval(ev), right.Eval(ev));
}

internal static class Comparison
{
    public static object? Apply(Evaluation ev, ComparisonOperator op, object? a, object? b)
    {
        if (op is ComparisonOperator.Equal or ComparisonOperator.NotEqual)
        {
            var equal = FeelValues.AreEqual(a, b);
            if (equal is null)
            {
                return ev.Warn($"cannot compare {FeelValues.TypeName(a)} with {FeelValues.TypeName(b)}");
            }

            return FeelValues.Bool(equal.Value == (op == ComparisonOperator.Equal));
        }

        if (a is decimal x && b is decimal y)
        {
            return FeelValues.Bool(Holds(op, x.CompareTo(y)));
        }

        if (a is null || b is null)
        {
            return null;
        }

        var c = FeelValues.Compare(a, b);
        return c is null ? ev.Warn($"cannot compare {FeelValues.TypeName(a)} with {FeelValues.TypeName(b)}") : FeelValues.Bool(Holds(op, c.Value));
    }

    public static bool Holds(ComparisonOperator op, int c) => op switch
    {
        ComparisonOperator.Less => c < 0,
        ComparisonOperator.LessOrEqual => c <= 0,
        ComparisonOperator.Greater => c > 0,
        ComparisonOperator.GreaterOrEqual => c >= 0,
        ComparisonOperator.Equal => c == 0,
        _ => c != 0,
    };

    /// <summary>Whether <paramref name="value"/> lies in <paramref name="range"/>; null when not comparable.</summary>
    public static bool? InRange(object? value, FeelRange range)
    {
        if (value is null)
        {
            return null;
        }

        if (range.Start is not null)
        {
            var c = FeelValues.Compare(value, range.Start);
            if (c is null)
            {
                return null;
            }

            if (c < 0 || (c == 0 && !range.StartIncluded))
            {
                return false;
            }
        }

        if (range.End is not null)
        {
            var c = FeelValues.Compare(value, range.End);
            if (c is null)
            {
                return null;
            }

            if (c > 0 || (c == 0 && !range.EndIncluded))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary><c>a and b and c</c>: false if any is false, true if all are true, otherwise null.</summary>
internal sealed class AndNode(Node[] operands) : Node
{
    public override object? Eval(Evaluation ev)
    {
        var allTrue = true;
        foreach (var operand in operands)
        {
            var v = operand.Eval(ev);
            if (v is false)
            {
                return FeelValues.False;
            }

            allTrue &= v is true;
        }

        return allTrue ? FeelValues.True : null;
    }
}

/// <summary><c>a or b or c</c>: true if any is true, false if all are false, otherwise null.</summary>
internal sealed class OrNode(Node[] operands) : Node
{
    public override object? Eval(Evaluation ev)
    {
        var allFalse = true;
        foreach (var operand in operands)
        {
            var v = operand.Eval(ev);
            if (v is true)
            {
                return FeelValues.True;
            }

            allFalse &= v is false;
        }

        return allFalse ? FeelValues.False : null;
    }
}

internal sealed class IfNode(Node condition, Node then, Node otherwise) : Node
{
    public override object? Eval(Evaluation ev) => condition.Eval(ev) is true ? then.Eval(ev) : otherwise.Eval(ev);
}

internal sealed class BetweenNode(Node value, Node low, Node high) : Node
{
    public override object? Eval(Evaluation ev)
    {
        var v = value.Eval(ev);
        var lo = low.Eval(ev);
        var hi = high.Eval(ev);
        var a = Comparison.Apply(ev, ComparisonOperator.GreaterOrEqual, v, lo);
        var b = Comparison.Apply(ev, ComparisonOperator.LessOrEqual, v, hi);
        if (a is false || b is false)
        {
            return FeelValues.False;
        }

        return a is true && b is true ? FeelValues.True : null;
    }
}
