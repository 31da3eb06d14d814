namespace CityOps.Flow.Engine.Tests.Feel;

public sealed class ErrorTests
{
    [Theory]
    [InlineData("substring(\"abc\",\n  2 3)", "expected ')' after argument list, found '3'", 2, 5)]
    [InlineData("1 +", "unexpected end of input, expected an expression", 1, 4)]
    [InlineData("(1 + 2", "expected ')' to close '(' at 1:1", 1, 7)]
    [InlineData("{a: 1", "expected '}' to close '{' at 1:1", 1, 6)]
    [InlineData("[1, 2", "expected ']' to close the list", 1, 6)]
    [InlineData("if x then 1", "expected 'else' after the then branch", 1, 12)]
    [InlineData("if x 1 else 2", "expected 'then' after the if condition, found '1'", 1, 6)]
    [InlineData("for x [1] return x", "expected 'in' after iteration variable 'x', found '['", 1, 7)]
    [InlineData("some x in [1] x > 1", "expected 'satisfies' after the iteration contexts, found 'x'", 1, 15)]
    [InlineData("\"open", "unterminated string", 1, 1)]
    [InlineData("1 # 2", "unexpected character '#'", 1, 3)]
    [InlineData("count（xs）", "unexpected character '（' (a full-width character; write '(')", 1, 6)]
    [InlineData("a ＝ 1", "unexpected character '＝' (a full-width character; write '=')", 1, 3)]
    [InlineData("/* never closed", "unterminated comment starting", 1, 1)]
    [InlineData("1 2", "unexpected '2' after the end of the expression", 1, 3)]
    [InlineData("x instance of money", "unknown type 'money'", 1, 15)]
    [InlineData("\"bad \\q escape\"", "invalid escape '\\q' in string", 1, 1)]
    [InlineData("f(a: 1, 2)", "named and positional arguments cannot be mixed", 1, 9)]
    [InlineData("[1..5", "expected ']' or ')' to close the range", 1, 6)]
    [InlineData("a and or b", "unexpected keyword 'or', expected an expression", 1, 7)]
    [InlineData("{a 1}", "expected ':' after context key 'a', found '1'", 1, 4)]
    [InlineData("f(1,)", "unexpected ')', expected an expression", 1, 5)]
    [InlineData("a = = b", "unexpected '=', expected an expression", 1, 5)]
    public void Parse_errors_name_line_column_and_what_was_expected(string source, string message, int line, int column)
    {
        var error = Feel.ParseError(source);
        Assert.Equal(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Errors_print_with_their_position()
    {
        var error = Feel.ParseError("substring(\"abc\",\n  2 3)");
        Assert.Equal("expected ')' after argument list, found '3' at 2:5", error.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(")")]
    [InlineData("]]]]")]
    [InlineData("@\"\"")]
    [InlineData("function(a, a) a")]
    [InlineData("function(a) external {}")]
    [InlineData("{: 1}")]
    [InlineData("99999999999999999999999999999999999")]
    [InlineData("\"\\uZZZZ\"")]
    public void Bad_input_is_a_parse_error_never_an_exception(string source)
    {
        var result = Feel.Engine.ParseExpression(source);
        Assert.False(result.Success);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("< ")]
    [InlineData("not(1")]
    [InlineData("[1..")]
    [InlineData("1,")]
    public void Bad_unary_tests_are_parse_errors(string source) => Assert.False(Feel.Engine.ParseUnaryTests(source).Success);

    [Fact]
    public void Every_byte_sequence_parses_or_fails_cleanly()
    {
        var random = new Random(20261121);
        const string alphabet = "ab 1.2()[]{}\"@,:<>=!+-*/?`'\n\\ifthenelsforinreturnsomeeverysatisfiesfunctionandornot";
        for (var i = 0; i < 3000; i++)
        {
            var chars = new char[random.Next(0, 30)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var source = new string(chars);
            var parsed = Feel.Engine.ParseExpression(source);
            if (parsed.Success)
            {
                Feel.Engine.Evaluate(parsed.Expression!, new Dictionary<string, object?> { ["a"] = 1, ["b"] = "x" });
            }

            var tests = Feel.Engine.ParseUnaryTests(source);
            if (tests.Success)
            {
                Feel.Engine.Test(tests.Expression!, 1, new Dictionary<string, object?>());
            }
        }
    }
}
