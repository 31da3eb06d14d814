namespace CityOps.Flow.Engine.Tests.Feel;

public sealed class StringTests
{
    [Theory]
    [InlineData("substring(\"foobar\", 3)", "\"obar\"")]
    [InlineData("substring(\"foobar\", 3, 3)", "\"oba\"")]
    [InlineData("substring(\"foobar\", -2, 1)", "\"a\"")]
    [InlineData("substring(\"城运中心工单\", 3, 2)", "\"中心\"")]
    [InlineData("substring(string: \"foobar\", start position: 2, length: 2)", "\"oo\"")]
    [InlineData("string length(\"foo\")", "3")]
    [InlineData("string length(\"😀a\")", "2")]
    [InlineData("upper case(\"aBc\")", "\"ABC\"")]
    [InlineData("lower case(\"aBc\")", "\"abc\"")]
    [InlineData("substring before(\"foobar\", \"bar\")", "\"foo\"")]
    [InlineData("substring before(\"foobar\", \"xyz\")", "\"\"")]
    [InlineData("substring after(\"foobar\", \"ob\")", "\"ar\"")]
    [InlineData("contains(\"foobar\", \"of\")", "false")]
    [InlineData("contains(\"foobar\", \"ob\")", "true")]
    [InlineData("starts with(\"foobar\", \"fo\")", "true")]
    [InlineData("ends with(\"foobar\", \"r\")", "true")]
    [InlineData("matches(\"foobar\", \"^fo*b\")", "true")]
    [InlineData("matches(\"FOOBAR\", \"^fo*b\", \"i\")", "true")]
    [InlineData("matches(\"a.b\", \".\", \"q\")", "true")]
    [InlineData("matches(\"ab\", \".\", \"q\")", "false")]
    [InlineData("replace(\"abcd\", \"(ab)|(a)\", \"[1=$1][2=$2]\")", "\"[1=ab][2=]cd\"")]
    [InlineData("replace(\"a.b.c\", \"\\\\.\", \"-\")", "\"a-b-c\"")]
    [InlineData("replace(\"Abc\", \"a\", \"x\", \"i\")", "\"xbc\"")]
    [InlineData("replace(\"price\", \"e$\", \"\\\\$\")", "\"pric$\"")]
    [InlineData("split(\"John Doe\", \"\\\\s\")", "[\"John\", \"Doe\"]")]
    [InlineData("split(\"a;b;;c\", \";\")", "[\"a\", \"b\", \"\", \"c\"]")]
    [InlineData("string join([\"a\", \"b\", \"c\"], \", \")", "\"a, b, c\"")]
    [InlineData("string join([\"a\", null, \"c\"])", "\"ac\"")]
    [InlineData("string join([], \"x\")", "\"\"")]
    [InlineData("string(1.10)", "\"1.1\"")]
    [InlineData("string(true)", "\"true\"")]
    [InlineData("string(date(\"2026-10-01\"))", "\"2026-10-01\"")]
    [InlineData("string([1, \"a\", null])", "\"[1, \"a\", null]\"")]
    [InlineData("string({a: 1})", "\"{a: 1}\"")]
    [InlineData("string(null)", "null")]
    [InlineData("\"a\\nb\"", "\"a\nb\"")]
    [InlineData("\"\\u4e2d\"", "\"中\"")]
    [InlineData("\"say \\\"hi\\\"\"", "\"say \"hi\"\"")]
    public void String_functions(string expression, string expected) => Assert.Equal(expected, Feel.Show(expression));

    [Fact]
    public void Catastrophic_regular_expressions_finish_quickly()
    {
        var started = DateTime.UtcNow;
        var result = Feel.Run(Feel.Engine, "matches(s, \"^(a+)+$\")", ("s", new string('a', 5000) + "!"));
        Assert.Equal(false, result.Value);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData("matches(\"a\", \"(\")")]
    [InlineData("matches(\"a\", \"a\", \"z\")")]
    [InlineData("upper case(1)")]
    [InlineData("substring(\"abc\")")]
    public void Misused_string_functions_are_null_with_a_warning(string expression)
    {
        var result = Feel.Run(Feel.Engine, expression);
        Assert.Null(result.Value);
        Assert.NotEmpty(result.Warnings);
    }
}
