namespace CityOps.Flow.Engine.Feel;

internal sealed partial class Parser
{
    /// <summary>A DMN input entry: <c>-</c>, <c>not(...)</c>, or positive tests separated by commas.</summary>
    private UnaryTest UnaryTests()
    {
        if (At("-") && Peek().Kind == TokenKind.End)
        {
            return AnyTest.Instance;
        }

        if (At("not") && Peek().Is("("))
        {
            var start = _pos;
            Advance();
            Advance();
            var negated = PositiveTests(")");
            if (Current.Kind == TokenKind.End)
            {
                return new NotTest(negated);
            }

            _pos = start;
        }

        var tests = PositiveTests(null);
        ExpectEnd();
        return tests;
    }

    private UnaryTest PositiveTests(string? closing)
    {
        var tests = new List<UnaryTest>();
        do
        {
            tests.Add(PositiveTest(fullExpression: true));
        }
        while (Accept(","));
        if (closing is not null)
        {
            Expect(closing, "after the unary tests");
        }

        return tests.Count == 1 ? tests[0] : new DisjunctionTest([.. tests]);
    }

    private UnaryTest PositiveTest(bool fullExpression)
    {
        if (ComparisonAt(Current) is { } op)
        {
            Advance();
            return new ComparisonTest(op, Additive());
        }

        var readsBefore = _inputReads;
        var expression = fullExpression ? Expression() : Comparison();
        return new ExpressionTest(expression, _inputReads > readsBefore);
    }

    /// <summary>The right side of <c>x in ...</c>: one test, or a parenthesised list of tests.</summary>
    private UnaryTest InTests()
    {
        if (!At("("))
        {
            return PositiveTest(fullExpression: false);
        }

        var start = _pos;
        var depth = _depth;
        try
        {
            var single = PositiveTest(fullExpression: false);
            if (!At(","))
            {
                return single;
            }
        }
        catch (SyntaxError)
        {
            _depth = depth;
        }

        _pos = start;
        Advance();
        Enter();
        try
        {
            return PositiveTests(")");
        }
        finally
        {
            _depth--;
        }
    }
}
