using System.Globalization;
using System.Runtime.CompilerServices;

namespace CityOps.Flow.Engine.Feel;

/// <summary>
/// Recursive-descent FEEL parser that builds the executable node tree directly. It stops at the first error
/// and bounds its own recursion, so no input can overflow the stack.
/// </summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> Stops =
        ["and", "or", "in", "instance", "between", "then", "else", "return", "satisfies", "if", "for", "some", "every", "function", "true", "false", "null"];

    private readonly string _source;
    private readonly List<Token> _tokens;
    private readonly Func<string, FeelFunction?> _builtIns;
    private readonly List<string> _knownNames;
    private readonly int _maxDepth;
    private int _pos;
    private int _depth;
    private int _inputReads;
    private int _partialReads;

    private Parser(string source, List<Token> tokens, Func<string, FeelFunction?> builtIns, int maxDepth, IEnumerable<string>? knownNames)
    {
        _source = source;
        _knownNames = knownNames?.Where(n => n.Contains(' ') || n.Any(c => !char.IsLetterOrDigit(c) && c != '_')).ToList() ?? [];
        _tokens = tokens;
        _builtIns = builtIns;
        _maxDepth = maxDepth;
    }

    public static Node? ParseExpression(string source, Func<string, FeelFunction?> builtIns, FeelLimits limits, IEnumerable<string>? knownNames, List<FeelError> errors, out bool readsInput)
    {
        var reads = false;
        var node = Run(source, builtIns, limits, knownNames, errors, p =>
        {
            var node = p.Expression();
            p.ExpectEnd();
            reads = p._inputReads > 0;
            return node;
        });
        readsInput = reads;
        return node;
    }

    public static UnaryTest? ParseUnaryTests(string source, Func<string, FeelFunction?> builtIns, FeelLimits limits, IEnumerable<string>? knownNames, List<FeelError> errors) =>
        Run(source, builtIns, limits, knownNames, errors, p => p.UnaryTests());

    private static T? Run<T>(string source, Func<string, FeelFunction?> builtIns, FeelLimits limits, IEnumerable<string>? knownNames, List<FeelError> errors, Func<Parser, T> parse)
        where T : class
    {
        if (source.Length > limits.MaxExpressionLength)
        {
            errors.Add(new($"expression is longer than {limits.MaxExpressionLength} characters", 1, 1));
            return null;
        }

        var tokens = Lexer.Tokenize(source, errors);
        if (errors.Count > 0)
        {
            return null;
        }

        try
        {
            return parse(new Parser(source, tokens, builtIns, limits.MaxNestingDepth, knownNames));
        }
        catch (SyntaxError e)
        {
            errors.Add(e.Error);
            return null;
        }
    }

    private sealed class SyntaxError(FeelError error) : Exception(error.Message)
    {
        public FeelError Error { get; } = error;
    }

    private Token Current => _tokens[_pos];

    private Token Peek(int ahead = 1) => _tokens[Math.Min(_pos + ahead, _tokens.Count - 1)];

    private Token Advance() => _tokens[_pos < _tokens.Count - 1 ? _pos++ : _pos];

    private bool At(string text) => Current.Is(text);

    private bool Accept(string text)
    {
        if (!At(text))
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Expect(string text, string context)
    {
        if (!At(text))
        {
            throw Error($"expected '{text}' {context}", Current);
        }

        return Advance();
    }

    private void ExpectEnd()
    {
        if (Current.Kind != TokenKind.End)
        {
            throw Error("unexpected " + Current.Describe() + " after the end of the expression", Current);
        }
    }

    private static SyntaxError Error(string message, Token at) =>
        new(new FeelError(message.StartsWith("expected", StringComparison.Ordinal) && at.Kind != TokenKind.End
            ? $"{message}, found {at.Describe()}"
            : message, at.Line, at.Column));

    private void Enter()
    {
        if (++_depth > _maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Error($"expression is nested deeper than {_maxDepth} levels", Current);
        }
    }

    private Node Expression()
    {
        Enter();
        try
        {
            if (Current.Kind == TokenKind.Name)
            {
                switch (Current.Text)
                {
                    case "if":
                        return If();
                    case "for" when Peek().Kind == TokenKind.Name:
                        return For();
                    case "some" or "every" when Peek().Kind == TokenKind.Name:
                        return Quantified();
                    case "function" when Peek().Is("("):
                        return FunctionDefinition();
                }
            }

            return Disjunction();
        }
        finally
        {
            _depth--;
        }
    }

    private Node If()
    {
        Advance();
        var condition = Expression();
        Expect("then", "after the if condition");
        var then = Expression();
        Expect("else", "after the then branch");
        return new IfNode(condition, then, Expression());
    }

    private Node For()
    {
        Advance();
        var mark = _knownNames.Count;
        var contexts = IterationContexts("return");
        var partialBefore = _partialReads;
        var body = Expression();
        Forget(mark);
        return new ForNode(contexts, body, _partialReads > partialBefore);
    }

    private Node Quantified()
    {
        var every = Advance().Text == "every";
        var mark = _knownNames.Count;
        var contexts = IterationContexts("satisfies");
        var condition = Expression();
        Forget(mark);
        return new QuantifiedNode(every, contexts, condition);
    }

    private IterationContext[] IterationContexts(string terminator)
    {
        var contexts = new List<IterationContext>();
        do
        {
            var name = Name("as the iteration variable");
            Expect("in", $"after iteration variable '{name}'");
            var domain = Expression();
            Node? end = null;
            if (Accept(".."))
            {
                end = Expression();
            }

            contexts.Add(new IterationContext(name, domain, end));
            Declare(name);
        }
        while (Accept(","));
        Expect(terminator, "after the iteration contexts");
        return [.. contexts];
    }

    private Node FunctionDefinition()
    {
        Advance();
        Expect("(", "after 'function'");
        var parameters = new List<string>();
        if (!At(")"))
        {
            do
            {
                var name = Name("as a parameter name");
                if (parameters.Contains(name))
                {
                    throw Error($"duplicate parameter '{name}'", Current);
                }

                parameters.Add(name);
                if (Accept(":"))
                {
                    Type();
                }
            }
            while (Accept(","));
        }

        Expect(")", "after the parameter list");
        if (At("external"))
        {
            throw Error("external functions are not supported", Current);
        }

        var mark = _knownNames.Count;
        parameters.ForEach(p => Declare(p));
        var body = Expression();
        Forget(mark);
        return new FunctionDefinitionNode([.. parameters], body);
    }

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
                else if (At("["))
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

        if (best is null || !best.Contains(' ') && !best.Any(c => !char.IsLetterOrDigit(c) && c != '_'))
        {
            return null;
        }

        var end = start + best.Length;
        while (Current.Kind != TokenKind.End && Current.Offset < end)
        {
            Advance();
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
