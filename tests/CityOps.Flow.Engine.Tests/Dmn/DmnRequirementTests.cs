using CityOps.Flow.Engine.Dmn;

namespace CityOps.Flow.Engine.Tests.Dmn;

public sealed class DmnRequirementTests
{
    private const string Escalation = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="escalation" name="Escalation" namespace="https://cityops.example/dmn">
          <inputData id="severityInput" name="severity"><variable name="severity" typeRef="number"/></inputData>
          <inputData id="clusterInput" name="cluster size"><variable name="cluster size" typeRef="number"/></inputData>
          <decision id="effective" name="Effective severity">
            <informationRequirement><requiredInput href="#severityInput"/></informationRequirement>
            <informationRequirement><requiredInput href="#clusterInput"/></informationRequirement>
            <literalExpression><text>if cluster size >= 5 then severity + 1 else severity</text></literalExpression>
          </decision>
          <decision id="tier" name="Escalation tier">
            <informationRequirement><requiredDecision href="#effective"/></informationRequirement>
            <decisionTable hitPolicy="FIRST">
              <input label="Effective severity"><inputExpression typeRef="number"><text>Effective severity</text></inputExpression></input>
              <output name="tier" typeRef="string"/>
              <rule id="urgent"><inputEntry><text>&gt;= 4</text></inputEntry><outputEntry><text>"district leader"</text></outputEntry></rule>
              <rule id="normal"><inputEntry><text>-</text></inputEntry><outputEntry><text>"street office"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """;

    [Fact]
    public void A_decision_sees_the_value_of_the_decision_it_requires()
    {
        var definitions = DmnTable.Read(Escalation);

        var result = new DmnEvaluator(DmnTable.Feel).Evaluate(definitions, "Escalation tier",
            new Dictionary<string, object?> { ["severity"] = 3m, ["cluster size"] = 6m });

        Assert.True(result.Success, string.Join("; ", result.Errors));
        Assert.Equal("district leader", result.Value);
        Assert.Equal(4m, result.RequiredDecisionValues["Effective severity"]);
        Assert.Equal("urgent", Assert.Single(result.MatchedRules).RuleId);
    }

    [Fact]
    public void A_literal_expression_decision_can_be_evaluated_on_its_own_by_id()
    {
        var definitions = DmnTable.Read(Escalation);

        var result = new DmnEvaluator(DmnTable.Feel).Evaluate(definitions, "effective",
            new Dictionary<string, object?> { ["severity"] = 2m, ["cluster size"] = 1m });

        Assert.Equal(2m, result.Value);
        Assert.Empty(result.RequiredDecisionValues);
    }

    [Fact]
    public void Asking_for_an_unknown_decision_lists_the_decisions_there_are()
    {
        var definitions = DmnTable.Read(Escalation);

        var result = new DmnEvaluator(DmnTable.Feel).Evaluate(definitions, "Routing", new Dictionary<string, object?>());

        Assert.False(result.Success);
        Assert.Contains("'Escalation tier' (tier)", Assert.Single(result.Errors));
    }

    [Fact]
    public void Required_inputs_and_decisions_are_part_of_the_model()
    {
        var definitions = DmnTable.Read(Escalation);

        var tier = definitions.FindDecision("tier")!;
        var effective = definitions.FindDecision("Effective severity")!;

        Assert.Equal(["effective"], tier.RequiredDecisions);
        Assert.Equal(["severityInput", "clusterInput"], effective.RequiredInputs);
        Assert.Equal("1.3", definitions.DmnVersion);
    }

    [Fact]
    public void Input_data_names_with_operators_are_read_as_names()
    {
        const string xml = """
            <definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" id="d" name="Reopen" namespace="x">
              <inputData id="reopened" name="re-opened count"><variable name="re-opened count" typeRef="number"/></inputData>
              <decision id="escalate" name="Escalate">
                <informationRequirement><requiredInput href="#reopened"/></informationRequirement>
                <literalExpression><text>re-opened count >= 2</text></literalExpression>
              </decision>
            </definitions>
            """;

        var result = new DmnEvaluator(DmnTable.Feel).Evaluate(DmnTable.Read(xml), "Escalate",
            new Dictionary<string, object?> { ["re-opened count"] = 3m });

        Assert.Equal(true, result.Value);
    }
}
