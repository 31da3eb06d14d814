namespace CityOps.Flow.Engine.Tests.Dmn;

public sealed class DmnHitPolicyTests
{
    private static readonly string[] Severity = ["severity"];

    [Fact]
    public void Unique_table_returns_the_single_matching_rule()
    {
        var xml = DmnTable.Xml("UNIQUE", Severity, ["level"], ["< 3", "\"community\""], [">= 3", "\"street\""]);

        var result = DmnTable.Evaluate(xml, ("severity", 4m));

        Assert.True(result.Success, string.Join("; ", result.Errors));
        Assert.Equal("street", result.Value);
        Assert.Equal(2, Assert.Single(result.MatchedRules).RuleNumber);
    }

    [Fact]
    public void Unique_table_with_two_matching_rules_is_an_error_naming_both()
    {
        var xml = DmnTable.Xml("UNIQUE", Severity, ["level"], ["< 3", "\"community\""], [">= 2", "\"street\""], ["> 5", "\"district\""]);

        var result = DmnTable.Evaluate(xml, ("severity", 2m));

        Assert.False(result.Success);
        Assert.Null(result.Value);
        Assert.Equal("Decision 'Route' has hit policy UNIQUE but rule 1 (r1) and rule 2 (r2) both match; exactly one may.", Assert.Single(result.Errors));
    }

    [Fact]
    public void Any_table_accepts_overlapping_rules_that_agree()
    {
        var xml = DmnTable.Xml("ANY", Severity, ["level"], ["< 3", "\"community\""], ["< 5", "\"community\""]);

        var result = DmnTable.Evaluate(xml, ("severity", 1m));

        Assert.True(result.Success, string.Join("; ", result.Errors));
        Assert.Equal("community", result.Value);
    }

    [Fact]
    public void Any_table_with_overlapping_rules_that_disagree_is_an_error()
    {
        var xml = DmnTable.Xml("ANY", Severity, ["level"], ["< 3", "\"community\""], ["< 5", "\"street\""]);

        var result = DmnTable.Evaluate(xml, ("severity", 1m));

        var error = Assert.Single(result.Errors);
        Assert.Contains("ANY", error);
        Assert.Contains("rule 1 (r1) and rule 2 (r2)", error);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Priority_table_picks_the_output_listed_first_in_the_output_values()
    {
        var xml = DmnTable.Xml("PRIORITY", Severity, ["level|\"district\",\"street\",\"community\""],
            ["-", "\"community\""], [">= 3", "\"district\""], [">= 2", "\"street\""]);

        Assert.Equal("district", DmnTable.Evaluate(xml, ("severity", 3m)).Value);
        Assert.Equal("street", DmnTable.Evaluate(xml, ("severity", 2m)).Value);
        Assert.Equal(2, Assert.Single(DmnTable.Evaluate(xml, ("severity", 3m)).MatchedRules).RuleNumber);
    }

    [Fact]
    public void First_table_stops_at_the_first_matching_rule()
    {
        var xml = DmnTable.Xml("FIRST", Severity, ["level"], [">= 4", "\"district\""], [">= 2", "\"street\""], ["-", "\"community\""]);

        Assert.Equal("street", DmnTable.Evaluate(xml, ("severity", 3m)).Value);
        Assert.Equal("community", DmnTable.Evaluate(xml, ("severity", 1m)).Value);
    }

    [Fact]
    public void Rule_order_table_lists_every_hit_in_rule_order()
    {
        var xml = DmnTable.Xml("RULE ORDER", Severity, ["notify"], ["-", "\"grid\""], [">= 3", "\"leader\""], [">= 2", "\"street\""]);

        var result = DmnTable.Evaluate(xml, ("severity", 3m));

        Assert.Equal(["grid", "leader", "street"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(result.Value));
        Assert.Equal([1, 2, 3], result.MatchedRules.Select(m => m.RuleNumber));
    }

    [Fact]
    public void Output_order_table_lists_hits_by_output_priority()
    {
        var xml = DmnTable.Xml("OUTPUT ORDER", Severity, ["notify|\"leader\",\"street\",\"grid\""], ["-", "\"grid\""], [">= 3", "\"leader\""], [">= 2", "\"street\""]);

        var result = DmnTable.Evaluate(xml, ("severity", 3m));

        Assert.Equal(["leader", "street", "grid"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(result.Value));
    }

    [Fact]
    public void Collect_table_lists_every_hit()
    {
        var xml = DmnTable.Xml("COLLECT", Severity, ["points"], ["-", "1"], [">= 3", "2"]);

        Assert.Equal([1m, 2m], Assert.IsAssignableFrom<IReadOnlyList<object?>>(DmnTable.Evaluate(xml, ("severity", 3m)).Value));
    }

    [Theory]
    [InlineData("COLLECT SUM", 7)]
    [InlineData("COLLECT MIN", 2)]
    [InlineData("COLLECT MAX", 5)]
    [InlineData("COLLECT COUNT", 2)]
    public void Collect_operators_aggregate_the_distinct_outputs(string hitPolicy, int expected)
    {
        var xml = DmnTable.Xml(hitPolicy, Severity, ["points"], ["-", "2"], [">= 3", "5"], [">= 2", "2"]);

        var result = DmnTable.Evaluate(xml, ("severity", 3m));

        Assert.True(result.Success, string.Join("; ", result.Errors));
        Assert.Equal((decimal)expected, result.Value);
    }

    [Fact]
    public void Several_outputs_make_a_context_named_by_the_output_columns()
    {
        var xml = DmnTable.Xml("UNIQUE", Severity, ["level", "hours"], ["-", "\"street\"", "48"]);

        var result = DmnTable.Evaluate(xml, ("severity", 3m));

        var context = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(result.Value);
        Assert.Equal("street", context["level"]);
        Assert.Equal(48m, context["hours"]);
    }

    [Fact]
    public void Default_output_values_apply_when_no_rule_matches()
    {
        var xml = DmnTable.Xml("UNIQUE", Severity, ["level||\"dispatcher\"", "hours||24"], ["> 5", "\"district\"", "4"]);

        var result = DmnTable.Evaluate(xml, ("severity", 1m));

        var context = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(result.Value);
        Assert.Equal("dispatcher", context["level"]);
        Assert.Equal(24m, context["hours"]);
        Assert.Empty(result.MatchedRules);
    }

    [Fact]
    public void No_matching_rule_and_no_default_gives_null()
    {
        var xml = DmnTable.Xml("UNIQUE", Severity, ["level"], ["> 5", "\"district\""]);

        var result = DmnTable.Evaluate(xml, ("severity", 1m));

        Assert.True(result.Success);
        Assert.Null(result.Value);
    }

    [Fact]
    public void An_input_outside_its_allowed_values_is_an_error_naming_the_input()
    {
        var xml = DmnTable.Xml("UNIQUE", ["channel|\"hotline\",\"grid\",\"iot\""], ["level"], ["\"hotline\"", "\"street\""]);

        var result = DmnTable.Evaluate(xml, ("channel", "fax"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("input 'channel'", error);
        Assert.Contains("\"fax\"", error);
        Assert.Null(result.Value);
    }

    [Fact]
    public void An_output_outside_its_output_values_is_an_error_naming_the_output_and_rule()
    {
        var xml = DmnTable.Xml("UNIQUE", Severity, ["level|\"community\",\"street\""], ["-", "\"province\""]);

        var result = DmnTable.Evaluate(xml, ("severity", 1m));

        var error = Assert.Single(result.Errors);
        Assert.Contains("output 'level'", error);
        Assert.Contains("rule 1 (r1)", error);
    }

    [Fact]
    public void Matched_rules_carry_their_annotations_and_outputs_for_auditing()
    {
        var xml = DmnTable.Xml("FIRST", Severity, ["level"], [">= 3", "\"district\""]);

        var match = Assert.Single(DmnTable.Evaluate(xml, ("severity", 3m)).MatchedRules);

        Assert.Equal("route", match.DecisionId);
        Assert.Equal("r1", match.RuleId);
        Assert.Equal(["rule 1 note"], match.Annotations);
        Assert.Equal("district", match.Outputs["level"]);
    }

    [Fact]
    public void A_feel_warning_in_a_cell_is_reported_under_that_cell()
    {
        var xml = DmnTable.Xml("FIRST", Severity, ["level"], ["> 3", "\"district\""], ["-", "\"street\""]);

        var result = DmnTable.Evaluate(xml, ("severity", "high"));

        Assert.True(result.Success);
        Assert.Equal("street", result.Value);
        Assert.Contains(result.Warnings, w => w.StartsWith("Decision 'Route' rule 1 (r1) input entry 1:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_definitions_evaluate_independently_on_many_threads()
    {
        var definitions = DmnTable.Read(DmnTable.Xml("FIRST", Severity, ["level"], [">= 4", "\"district\""], [">= 2", "\"street\""], ["-", "\"community\""]));
        var evaluator = new CityOps.Flow.Engine.Dmn.DmnEvaluator(DmnTable.Feel);
        string[] expected = ["community", "street", "street", "district", "district"];

        var results = Enumerable.Range(0, 2_000).AsParallel()
            .Select(i => (i, value: evaluator.Evaluate(definitions, "route", new Dictionary<string, object?> { ["severity"] = (decimal)(i % 5 + 1) }).Value))
            .ToList();

        Assert.All(results, r => Assert.Equal(expected[r.i % 5], r.value));
    }

    [Fact]
    public void An_input_of_the_wrong_type_is_reported_as_a_warning()
    {
        var xml = DmnTable.Xml("FIRST", Severity, ["level"], ["> 3", "\"district\""], ["-", "\"street\""])
            .Replace("typeRef=\"Any\"", "typeRef=\"number\"");

        var result = DmnTable.Evaluate(xml, ("severity", "4"));

        Assert.Contains("Decision 'Route': input 'severity' is \"4\", which is not of its type number.", result.Warnings);
        Assert.Equal("street", result.Value);
    }

    [Fact]
    public void An_output_entry_of_the_wrong_type_is_reported_as_a_warning()
    {
        var xml = DmnTable.Xml("FIRST", Severity, ["hours"], ["-", "\"48\""])
            .Replace("<output id=\"out1\" name=\"hours\">", "<output id=\"out1\" name=\"hours\" typeRef=\"number\">");

        var result = DmnTable.Evaluate(xml, ("severity", 1m));

        Assert.Contains("Decision 'Route' rule 1 (r1): output 'hours' is \"48\", which is not of its type number.", result.Warnings);
    }
}
