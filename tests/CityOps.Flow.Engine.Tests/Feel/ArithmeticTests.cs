namespace CityOps.Flow.Engine.Tests.Feel;

public sealed class ArithmeticTests
{
    [Theory]
    [InlineData("1 + 2", "3")]
    [InlineData("10 - 2 * 3", "4")]
    [InlineData("(10 - 2) * 3", "24")]
    [InlineData("7 / 2", "3.5")]
    [InlineData("2 ** 10", "1024")]
    [InlineData("2 ** -1", "0.5")]
    [InlineData("-5 + 2", "-3")]
    [InlineData("- (3 - 5)", "2")]
    [InlineData("0.1 + 0.2", "0.3")]
    [InlineData("1.50 * 2", "3")]
    [InlineData(".5 + 1", "1.5")]
    [InlineData("1e3", "1000")]
    [InlineData("10 - 1 - 1", "8")]
    [InlineData("2 * 3 ** 2", "18")]
    public void Numbers_follow_decimal_arithmetic(string expression, string expected) =>
        Assert.Equal(expected, Feel.Show(expression));

    [Theory]
    [InlineData("1 + null")]
    [InlineData("null * 2")]
    [InlineData("-null")]
    public void Arithmetic_with_null_is_null(string expression) => Assert.Null(Feel.Eval(expression));

    [Fact]
    public void Division_by_zero_is_null_with_a_warning()
    {
        var result = Feel.Run(Feel.Engine, "1 / 0");
        Assert.Null(result.Value);
        Assert.Contains("division by zero", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Adding_a_string_to_a_number_is_null_with_a_warning()
    {
        var result = Feel.Run(Feel.Engine, "1 + \"a\"");
        Assert.Null(result.Value);
        Assert.Contains("cannot apply '+' to number and string", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Overflow_is_null_with_a_warning_not_an_exception()
    {
        var result = Feel.Run(Feel.Engine, "79228162514264337593543950335 * 10");
        Assert.Null(result.Value);
        Assert.NotEmpty(result.Warnings);
    }

    [Fact]
    public void Strings_concatenate_with_plus() => Assert.Equal("城运中心", Feel.Eval("\"城运\" + \"中心\""));

    [Fact]
    public void Host_numbers_of_any_clr_type_become_decimals()
    {
        Assert.Equal(6m, Feel.Eval("a + b + c", ("a", 1), ("b", 2L), ("c", 3.0)));
        Assert.Equal(0.5m, Feel.Eval("x", ("x", 0.5f)));
    }

    [Theory]
    [InlineData("1 = 1", true)]
    [InlineData("1 != 2", true)]
    [InlineData("1 < 2", true)]
    [InlineData("2 <= 2", true)]
    [InlineData("3 > 4", false)]
    [InlineData("\"a\" < \"b\"", true)]
    [InlineData("\"abc\" = \"abc\"", true)]
    [InlineData("null = null", true)]
    [InlineData("1 = null", false)]
    [InlineData("null != 1", true)]
    [InlineData("[1, 2] = [1, 2]", true)]
    [InlineData("[1, 2] = [2, 1]", false)]
    [InlineData("{a: 1, b: [2]} = {b: [2], a: 1}", true)]
    [InlineData("true = true", true)]
    [InlineData("1.0 = 1", true)]
    [InlineData("5 between 1 and 10", true)]
    [InlineData("11 between 1 and 10", false)]
    [InlineData("\"b\" between \"a\" and \"c\"", true)]
    public void Comparisons(string expression, bool expected) => Assert.Equal(expected, Feel.Eval(expression));

    [Theory]
    [InlineData("1 < \"a\"")]
    [InlineData("1 = \"1\"")]
    [InlineData("null < 1")]
    [InlineData("true > false")]
    public void Comparing_different_kinds_is_null(string expression) => Assert.Null(Feel.Eval(expression));

    [Theory]
    [InlineData("true and true", true)]
    [InlineData("true and false", false)]
    [InlineData("false and null", false)]
    [InlineData("null and false", false)]
    [InlineData("true and null", null)]
    [InlineData("true and 1", null)]
    [InlineData("false or true", true)]
    [InlineData("null or true", true)]
    [InlineData("false or false", false)]
    [InlineData("false or null", null)]
    [InlineData("not(true)", false)]
    [InlineData("not(null)", null)]
    [InlineData("not(1)", null)]
    [InlineData("1 < 2 and 2 < 3 or false", true)]
    public void Logic_is_three_valued(string expression, bool? expected) => Assert.Equal(expected, Feel.Eval(expression));

    [Theory]
    [InlineData("if 1 < 2 then \"yes\" else \"no\"", "\"yes\"")]
    [InlineData("if null then 1 else 2", "2")]
    [InlineData("if 5 then 1 else 2", "2")]
    [InlineData("if x > 3 then x * 2 else x", "10")]
    [InlineData("1 + if true then 1 else 0", "2")]
    public void If_then_else_takes_else_for_anything_but_true(string expression, string expected) =>
        Assert.Equal(expected, Feel.Show(expression, ("x", 5)));

    [Theory]
    [InlineData("decimal(1/3, 2)", "0.33")]
    [InlineData("decimal(2.5, 0)", "2")]
    [InlineData("decimal(3.5, 0)", "4")]
    [InlineData("floor(-1.5)", "-2")]
    [InlineData("ceiling(1.1)", "2")]
    [InlineData("floor(1.567, 2)", "1.56")]
    [InlineData("round half up(2.5, 0)", "3")]
    [InlineData("round half up(-2.5, 0)", "-3")]
    [InlineData("round half down(2.5, 0)", "2")]
    [InlineData("round up(1.01, 1)", "1.1")]
    [InlineData("round down(1.99, 1)", "1.9")]
    [InlineData("round half up(1234, -2)", "1200")]
    [InlineData("abs(-3)", "3")]
    [InlineData("modulo(12, 5)", "2")]
    [InlineData("modulo(-12, 5)", "3")]
    [InlineData("modulo(12, -5)", "-3")]
    [InlineData("sqrt(16)", "4")]
    [InlineData("sqrt(2) * sqrt(2) > 1.9999", "true")]
    [InlineData("odd(5)", "true")]
    [InlineData("even(5)", "false")]
    [InlineData("exp(0)", "1")]
    [InlineData("log(1)", "0")]
    [InlineData("number(\"1 000,5\", \" \", \",\")", "1000.5")]
    [InlineData("number(\"12\")", "12")]
    [InlineData("decimal(n: 1.255, scale: 2)", "1.26")]
    public void Numeric_functions(string expression, string expected) => Assert.Equal(expected, Feel.Show(expression));
}
