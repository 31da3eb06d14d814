using CityOps.Flow.Engine.Dmn;

namespace CityOps.Flow.Engine.Tests.Dmn;

public sealed class DmnReaderTests
{
    private static DmnReadResult Read(string xml) => new DmnReader(DmnTable.Feel).Read(xml);

    [Theory]
    [InlineData("http://www.omg.org/spec/DMN/20151101/dmn.xsd", "1.1")]
    [InlineData("http://www.omg.org/spec/DMN/20180521/MODEL/", "1.2")]
    [InlineData("https://www.omg.org/spec/DMN/20191111/MODEL/", "1.3")]
    [InlineData("https://www.omg.org/spec/DMN/20211108/MODEL/", "1.4")]
    [InlineData("https://www.omg.org/spec/DMN/20230324/MODEL/", "1.5")]
    public void Reads_every_supported_dmn_version(string ns, string version)
    {
        var xml = DmnTable.Xml("FIRST", ["severity"], ["level"], [">= 3", "\"street\""]).Replace(DmnTable.Dmn15, ns);

        var result = Read(xml);

        Assert.True(result.Success, string.Join("; ", result.Problems));
        Assert.Equal(version, result.Definitions!.DmnVersion);
        var table = Assert.IsType<DmnDecisionTable>(Assert.Single(result.Definitions.Decisions).Logic);
        Assert.Equal("F", table.HitPolicyCode);
    }

    [Fact]
    public void Xml_that_is_not_well_formed_is_refused_with_its_line_and_column()
    {
        var result = Read("<definitions xmlns=\"https://www.omg.org/spec/DMN/20230324/MODEL/\">\n  <decision id=\"a\" name=\"A\">\n</definitions>");

        var problem = Assert.Single(result.Problems);
        Assert.Null(result.Definitions);
        Assert.Contains("not well-formed", problem.Message);
        Assert.Equal(3, problem.Line);
        Assert.True(problem.Column > 0);
    }

    [Fact]
    public void A_document_of_another_namespace_is_refused()
    {
        var result = Read("<definitions xmlns=\"http://example.com/not-dmn\"/>");

        Assert.Contains("DMN 1.1–1.5", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void An_unknown_hit_policy_is_refused_with_its_position()
    {
        var xml = DmnTable.Xml("SOMETIMES", ["severity"], ["level"], [">= 3", "\"street\""]);

        var problem = Assert.Single(Read(xml).Problems);

        Assert.Contains("unknown hit policy 'SOMETIMES'", problem.Message);
        Assert.Equal(3, problem.Line);
        Assert.True(problem.Column > 1);
    }

    [Fact]
    public void A_rule_with_too_few_input_entries_is_refused_naming_the_rule()
    {
        var xml = DmnTable.Xml("UNIQUE", ["severity", "channel"], ["level"], ["> 1", "\"hotline\"", "\"street\""], ["> 3", "\"grid\"", "\"district\""])
            .Replace("<inputEntry><text>&quot;grid&quot;</text></inputEntry>", "");

        var problem = Assert.Single(Read(xml).Problems);

        Assert.Contains("rule 2 (r2)", problem.Message);
        Assert.Contains("has 1 input entries but the table has 2 input columns", problem.Message);
        Assert.Equal("r2", problem.ElementId);
        Assert.Equal(9, problem.Line);
    }

    [Fact]
    public void Malformed_feel_in_an_input_entry_names_decision_rule_entry_and_feel_position()
    {
        var xml = DmnTable.Xml("UNIQUE", ["severity", "channel"], ["level"], ["> 1", "-", "\"street\""], [">= (3", "\"grid\"", "\"district\""]);

        var result = Read(xml);

        Assert.Null(result.Definitions);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("Decision 'Route' rule 2 (r2) input entry 1 ('severity')", problem.Message);
        Assert.Contains("FEEL line 1, column", problem.Message);
        Assert.Contains(">= (3", problem.Message);
        Assert.Equal(9, problem.Line);
    }

    [Fact]
    public void Malformed_feel_in_an_output_entry_is_refused()
    {
        var xml = DmnTable.Xml("UNIQUE", ["severity"], ["level"], ["> 1", "\"street"]);

        var problem = Assert.Single(Read(xml).Problems);

        Assert.Contains("rule 1 (r1) output entry 1 ('level')", problem.Message);
    }

    [Fact]
    public void An_aggregation_outside_collect_is_refused()
    {
        var xml = DmnTable.Xml("FIRST", ["severity"], ["level"], ["> 1", "1"]).Replace("hitPolicy=\"FIRST\"", "hitPolicy=\"FIRST\" aggregation=\"SUM\"");

        Assert.Contains("only allowed with the COLLECT hit policy", Assert.Single(Read(xml).Problems).Message);
    }

    [Fact]
    public void Priority_without_output_values_is_refused()
    {
        var xml = DmnTable.Xml("PRIORITY", ["severity"], ["level"], ["> 1", "\"street\""]);

        Assert.Contains("needs output values", Assert.Single(Read(xml).Problems).Message);
    }

    [Fact]
    public void Decisions_that_require_each_other_in_a_cycle_are_refused()
    {
        const string xml = """
            <definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" id="d" name="Cycle" namespace="x">
              <decision id="a" name="A">
                <informationRequirement><requiredDecision href="#b"/></informationRequirement>
                <literalExpression><text>B + 1</text></literalExpression>
              </decision>
              <decision id="b" name="B">
                <informationRequirement><requiredDecision href="#a"/></informationRequirement>
                <literalExpression><text>A + 1</text></literalExpression>
              </decision>
            </definitions>
            """;

        var problem = Assert.Single(Read(xml).Problems);

        Assert.Contains("cycle: 'A' -> 'B' -> 'A'", problem.Message);
    }

    [Fact]
    public void A_requirement_on_a_missing_decision_is_refused()
    {
        const string xml = """
            <definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" id="d" name="Missing" namespace="x">
              <decision id="a" name="A">
                <informationRequirement><requiredDecision href="#nowhere"/></informationRequirement>
                <literalExpression><text>1</text></literalExpression>
              </decision>
            </definitions>
            """;

        var problem = Assert.Single(Read(xml).Problems);

        Assert.Contains("requires decision 'nowhere'", problem.Message);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void Annotations_and_rule_descriptions_are_kept()
    {
        var xml = DmnTable.Xml("FIRST", ["severity"], ["level"], ["> 1", "\"street\""])
            .Replace("<annotationEntry>", "<description>Serious cases go to the street office</description><annotationEntry>");

        var table = Assert.IsType<DmnDecisionTable>(DmnTable.Read(xml).Decisions[0].Logic);

        Assert.Equal(["Why"], table.AnnotationNames);
        Assert.Equal("Serious cases go to the street office", table.Rules[0].Description);
        Assert.Equal(["rule 1 note"], table.Rules[0].Annotations);
    }

    [Fact]
    public void An_unknown_aggregation_is_refused()
    {
        var xml = DmnTable.Xml("COLLECT", ["severity"], ["points"], ["> 1", "1"]).Replace("hitPolicy=\"COLLECT\"", "hitPolicy=\"COLLECT\" aggregation=\"AVERAGE\"");

        Assert.Contains("unknown aggregation 'AVERAGE'", Assert.Single(Read(xml).Problems).Message);
    }

    [Fact]
    public void Several_outputs_without_names_are_refused()
    {
        var xml = DmnTable.Xml("UNIQUE", ["severity"], ["level", "hours"], ["> 1", "\"street\"", "24"]).Replace(" name=\"hours\"", "");

        var problem = Assert.Single(Read(xml).Problems);

        Assert.Contains("output 2", problem.Message);
        Assert.Contains("needs a name on every output column", problem.Message);
    }

    [Fact]
    public void An_expression_language_other_than_feel_is_refused()
    {
        var xml = DmnTable.Xml("UNIQUE", ["severity"], ["level"], ["> 1", "\"street\""])
            .Replace("<inputEntry>", "<inputEntry expressionLanguage=\"javascript\">");

        Assert.Contains("expression language 'javascript' is not supported", Assert.Single(Read(xml).Problems).Message);
    }

    [Fact]
    public void Every_problem_of_a_document_is_reported_at_once()
    {
        var xml = DmnTable.Xml("UNIQUE", ["severity"], ["level"], ["> (1", "\"street\""], ["-", "\"grid"]);

        var problems = Read(xml).Problems;

        Assert.Equal(2, problems.Count);
        Assert.Equal(["r1", "r2"], problems.Select(p => p.ElementId));
    }
}
