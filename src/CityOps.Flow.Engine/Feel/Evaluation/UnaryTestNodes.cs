namespace CityOps.Flow.Engine.Feel;

/// <summary>A DMN unary test, checked against the input value (bound to <c>?</c>).</summary>
internal abstract class UnaryTest
{
    public abstract bool? Test(Evaluation ev, object? input);
}

/// <summary><c>-</c>: matches anything.</summary>
internal sealed class AnyTest : UnaryTest
{
    public static readonly AnyTest Instance = new();

    public override bool? Test(Evaluation ev, object? input) => true;
}

/// <summary><c>&lt; 5</c>, <c>&gt;= x</c>, <c>!= "a"</c>, <c>= 3</c>.</summary>
internal sealed class ComparisonTest(ComparisonOperator op, Node endpoint) : UnaryTest
{
    public override bool? Test(Evaluation ev, object? input)
    {
        var bound = endpoint.Eval(ev);
        if (input is decimal x && bound is decimal y)
        {
            return Comparison.Holds(op, x.CompareTo(y));
        }

        return Comparison.Apply(ev, op, input, bound) as bool?;
    }

    public Node Endpoint => endpoint;

    public ComparisonOperator Operator => op;
}

/// <summary>
/// An expression as a test (DMN 1.2+): a boolean result is the verdict when the expression reads <c>?</c>, or when a
/// computed (non-literal) expression meets a non-boolean input; a literal <c>true</c> is compared by equality, so a
/// boolean column's <c>true</c> never matches a missing flag; a range or list is matched by membership; any other
/// value by equality.
/// </summary>
internal sealed class ExpressionTest(Node expression, bool readsInput) : UnaryTest
{
    public override bool? Test(Evaluation ev, object? input)
    {
        if (expression is LiteralNode { Value: var constant })
        {
            return Match(constant, input, literal: true);
        }

        var saved = ev.Input;
        ev.Input = input;
        try
        {
            return Match(expression.Eval(ev), input, literal: false);
        }
        finally
        {
            ev.Input = saved;
        }
    }

    private bool? Match(object? value, object? input, bool literal)
    {
        switch (value)
        {
            case null when readsInput:
                return null;
            case bool b when readsInput || (!literal && input is not bool):
                return b;
            case FeelRange range:
                return Comparison.InRange(input, range);
            case IReadOnlyList<object?> list:
                foreach (var item in list)
                {
                    if (item is FeelRange r ? Comparison.InRange(input, r) == true : FeelValues.AreEqual(item, input) == true)
                    {
                        return true;
                    }
                }

                return input is IReadOnlyList<object?> ? FeelValues.AreEqual(value, input) : false;
            case decimal d when input is decimal i:
                return d == i;
            case string s when input is string t:
                return string.Equals(s, t, StringComparison.Ordinal);
            default:
                // Values of different kinds simply do not match; a decision table is not an error for that.
                return FeelValues.AreEqual(value, input);
        }
    }
}

/// <summary><c>not(t1, t2)</c>.</summary>
internal sealed class NotTest(UnaryTest inner) : UnaryTest
{
    public override bool? Test(Evaluation ev, object? input) => !inner.Test(ev, input);
}

/// <summary><c>t1, t2, t3</c>: any of them.</summary>
internal sealed class DisjunctionTest(UnaryTest[] tests) : UnaryTest
{
    public IReadOnlyList<UnaryTest> Tests => tests;

    public override bool? Test(Evaluation ev, object? input)
    {
        var sawNull = false;
        foreach (var test in tests)
        {
            var r = test.Test(ev, input);
            if (r == true)
            {
                return true;
            }

            sawNull |= r is null;
        }

        return sawNull ? null : false;
    }
}

/// <summary><c>x in t</c> and <c>x in (t1, t2)</c> inside expressions.</summary>
internal sealed class InNode(Node value, UnaryTest test) : Node
{
    public override object? Eval(Evaluation ev)
    {
        var r = test.Test(ev, value.Eval(ev));
        return r is null ? null : FeelValues.Bool(r.Value);
    }
}
