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
            if (Current.Kind == TokenKind.Name && PeekKnownName() is null)
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
}
