namespace CityOps.Flow.Engine.Feel;

internal sealed partial class Parser
{
    private Node Disjunction()
    {
        var first = Conjunction();
        if (!At("or"))
        {
            return first;
        }

        var operands = new List<Node> { first };
        while (Accept("or"))
        {
            operands.Add(Conjunction());
        }

        return new OrNode([.. operands]);
    }

    private Node Conjunction()
    {
        var first = Comparison();
        if (!At("and"))
        {
            return first;
        }

        var operands = new List<Node> { first };
        while (Accept("and"))
        {
            operands.Add(Comparison());
        }

        return new AndNode([.. operands]);
    }

    private static ComparisonOperator? ComparisonAt(Token t) => t.Kind != TokenKind.Symbol ? null : t.Text switch
    {
        "=" => ComparisonOperator.Equal,
        "!=" => ComparisonOperator.NotEqual,
        "<" => ComparisonOperator.Less,
        "<=" => ComparisonOperator.LessOrEqual,
        ">" => ComparisonOperator.Greater,
        ">=" => ComparisonOperator.GreaterOrEqual,
        _ => null,
    };

    private Node Comparison()
    {
        var left = Additive();
        var depth = _depth;
        try
        {
            while (true)
            {
                if (ComparisonAt(Current) is { } op)
                {
                    Enter();
                    Advance();
                    left = new ComparisonNode(op, left, Additive());
                }
                else if (At("between"))
                {
                    Enter();
                    Advance();
                    var low = Additive();
                    Expect("and", "between the bounds of 'between'");
                    left = new BetweenNode(left, low, Additive());
                }
                else if (At("in"))
                {
                    Enter();
                    Advance();
                    left = new InNode(left, InTests());
                }
                else if (At("instance") && Peek().Is("of"))
                {
                    Enter();
                    Advance();
                    Advance();
                    left = new InstanceOfNode(left, Type());
                }
                else
                {
                    return left;
                }
            }
        }
        finally
        {
            _depth = depth;
        }
    }

    // Chains like 1 + 2 + ... + n become one node evaluated in a loop, so their length costs no stack.
    private Node Additive() => Chain(Multiplicative, t => t.Text switch
    {
        "+" => ArithmeticOperator.Add,
        "-" => ArithmeticOperator.Subtract,
        _ => null,
    });

    private Node Multiplicative() => Chain(Power, t => t.Text switch
    {
        "*" => ArithmeticOperator.Multiply,
        "/" => ArithmeticOperator.Divide,
        _ => null,
    });

    private Node Power() => Chain(Unary, t => t.Text == "**" ? ArithmeticOperator.Power : null);

    private Node Chain(Func<Node> operand, Func<Token, ArithmeticOperator?> operatorAt)
    {
        var first = operand();
        if (Current.Kind != TokenKind.Symbol || operatorAt(Current) is null)
        {
            return first;
        }

        var operands = new List<Node> { first };
        var operators = new List<ArithmeticOperator>();
        while (Current.Kind == TokenKind.Symbol && operatorAt(Current) is { } op)
        {
            Advance();
            operators.Add(op);
            operands.Add(operand());
        }

        return new ArithmeticNode([.. operators], [.. operands]);
    }

    private Node Unary()
    {
        if (!At("-"))
        {
            return Postfix();
        }

        Enter();
        try
        {
            Advance();
            var operand = Unary();
            return operand is LiteralNode { Value: decimal d } ? new LiteralNode(-d) : new NegateNode(operand);
        }
        finally
        {
            _depth--;
        }
    }

    private Node Postfix()
    {
        var node = Primary();
        var depth = _depth;
        try
        {
            // Each selector wraps the node before it, so a chain of them counts as nesting.
            while (true)
            {
                if (At("."))
                {
                    Enter();
                    Advance();
                    node = new PathNode(node, Name("after '.'"));
                }
                else if (At("[") && !ClosesRange(Peek()))
                {
                    Enter();
                    Advance();
                    var filter = Expression();
                    Expect("]", "after the filter");
                    node = new FilterNode(node, filter);
                }
                else if (At("("))
                {
                    Enter();
                    node = Call(node);
                }
                else
                {
                    return node;
                }
            }
        }
        finally
        {
            _depth = depth;
        }
    }

    /// <summary>
    /// Whether a '[' is the exclusive end of a range (<c>]1..10[</c>) rather than a filter: a filter is followed by an
    /// expression, never by the end of the input or a closing bracket or comma.
    /// </summary>
    private static bool ClosesRange(Token next) =>
        next.Kind == TokenKind.End || (next.Kind == TokenKind.Symbol && next.Text is "," or ")" or "]" or "}");

    private Node Call(Node callee)
    {
        Advance();
        var arguments = new List<Node>();
        List<string>? names = null;
        if (!At(")"))
        {
            do
            {
                var named = NamedArgument();
                if (named is not null)
                {
                    if (names is null && arguments.Count > 0)
                    {
                        throw Error("named and positional arguments cannot be mixed", Current);
                    }

                    names ??= [];
                    names.Add(named);
                }
                else if (names is not null)
                {
                    throw Error("named and positional arguments cannot be mixed", Current);
                }

                arguments.Add(Expression());
            }
            while (Accept(","));
        }

        Expect(")", "after argument list");
        if (callee is NameNode { Name: "is defined" } && names is null && arguments.Count == 1)
        {
            return new IsDefinedNode(arguments[0]);
        }

        return new CallNode(callee, names?.ToArray(), [.. arguments]);
    }
}
