using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Dmn;

/// <summary>
/// Evaluates one decision table: input expressions, allowed input values, rule matching, output entries, allowed
/// output values, then the hit policy. Nothing is parsed here; every expression was compiled when the table was read.
/// </summary>
internal sealed class DmnDecisionTableEvaluator(FeelEngine feel)
{
    public object? Evaluate(DmnDecision decision, DmnDecisionTable table, IReadOnlyDictionary<string, object?> scope, DmnEvaluationLog log)
    {
        var inputValues = EvaluateInputs(decision, table, scope, log);
        if (inputValues is null)
        {
            return null;
        }

        var matched = MatchRules(decision, table, inputValues, scope, log);
        if (matched.Count == 0)
        {
            return DefaultResult(decision, table, scope, log);
        }

        var rows = new List<DmnHitRow>(matched.Count);
        var valid = true;
        foreach (var rule in matched)
        {
            var row = EvaluateOutputs(decision, table, rule, scope, log, ref valid);
            rows.Add(new DmnHitRow(rule, row));
        }

        if (!valid)
        {
            return null;
        }

        var outcome = DmnHitPolicies.Apply(decision, table, rows);
        if (outcome.Error is not null)
        {
            log.Errors.Add(outcome.Error);
            return null;
        }

        foreach (var row in outcome.Selected)
        {
            log.Matches.Add(Match(decision, table, row));
        }

        return outcome.Value;
    }

    private object?[]? EvaluateInputs(DmnDecision decision, DmnDecisionTable table, IReadOnlyDictionary<string, object?> scope, DmnEvaluationLog log)
    {
        var values = new object?[table.Inputs.Count];
        var valid = true;
        for (var i = 0; i < values.Length; i++)
        {
            var input = table.Inputs[i];
            var result = feel.Evaluate(input.Expression.Compiled, scope);
            values[i] = result.Value;
            if (result.Warnings.Count > 0)
            {
                log.AddWarnings(result.Warnings, $"Decision '{decision.Name}' input '{input.Label}'");
            }

            if (input.AllowedValues is { } allowed && feel.Test(allowed.Compiled, result.Value, scope).Value is not true)
            {
                log.Errors.Add($"Decision '{decision.Name}': input '{input.Label}' is {DmnValues.Show(result.Value)}, which is not one of its allowed values {allowed.Text.Trim()}.");
                valid = false;
            }
        }

        return valid ? values : null;
    }

    private List<DmnRule> MatchRules(DmnDecision decision, DmnDecisionTable table, object?[] inputValues, IReadOnlyDictionary<string, object?> scope, DmnEvaluationLog log)
    {
        var matched = new List<DmnRule>();
        var rules = table.Rules;
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var entries = rule.InputEntries;
            var matches = true;
            for (var k = 0; k < entries.Count; k++)
            {
                var entry = entries[k];
                if (entry.MatchesAnything)
                {
                    continue;
                }

                var test = feel.Test(entry.Compiled, inputValues[k], scope);
                if (test.Warnings.Count > 0)
                {
                    log.AddWarnings(test.Warnings, $"Decision '{decision.Name}' {rule} input entry {k + 1}");
                }

                if (test.Value is not true)
                {
                    matches = false;
                    break;
                }
            }

            if (!matches)
            {
                continue;
            }

            matched.Add(rule);
            if (table.HitPolicy == DmnHitPolicy.First)
            {
                break;
            }
        }

        return matched;
    }

    private object?[] EvaluateOutputs(DmnDecision decision, DmnDecisionTable table, DmnRule rule, IReadOnlyDictionary<string, object?> scope, DmnEvaluationLog log, ref bool valid)
    {
        var row = new object?[table.Outputs.Count];
        for (var o = 0; o < row.Length; o++)
        {
            var output = table.Outputs[o];
            var result = feel.Evaluate(rule.OutputEntries[o].Compiled, scope);
            row[o] = result.Value;
            if (result.Warnings.Count > 0)
            {
                log.AddWarnings(result.Warnings, $"Decision '{decision.Name}' {rule} output entry {o + 1}");
            }

            if (output.AllowedValues is { } allowed && result.Value is not null && feel.Test(allowed.Compiled, result.Value, scope).Value is not true)
            {
                log.Errors.Add($"Decision '{decision.Name}' {rule}: output '{OutputName(decision, output)}' is {DmnValues.Show(result.Value)}, which is not one of its output values {allowed.Text.Trim()}.");
                valid = false;
            }
        }

        return row;
    }

    private object? DefaultResult(DmnDecision decision, DmnDecisionTable table, IReadOnlyDictionary<string, object?> scope, DmnEvaluationLog log)
    {
        var outputs = table.Outputs;
        var hasDefault = false;
        for (var o = 0; o < outputs.Count; o++)
        {
            hasDefault |= outputs[o].DefaultOutputEntry is not null;
        }

        if (!hasDefault)
        {
            return table.HitPolicy == DmnHitPolicy.Collect && table.Aggregation == DmnAggregation.Count ? 0m : null;
        }

        var row = new object?[outputs.Count];
        for (var o = 0; o < outputs.Count; o++)
        {
            if (outputs[o].DefaultOutputEntry is not { } entry)
            {
                continue;
            }

            var result = feel.Evaluate(entry.Compiled, scope);
            row[o] = result.Value;
            log.AddWarnings(result.Warnings, $"Decision '{decision.Name}' default output '{OutputName(decision, outputs[o])}'");
        }

        var value = DmnHitPolicies.Shape(table, row);
        var multipleHits = table.HitPolicy is DmnHitPolicy.RuleOrder or DmnHitPolicy.OutputOrder
            || table.HitPolicy == DmnHitPolicy.Collect && table.Aggregation == DmnAggregation.None;
        return multipleHits ? new List<object?> { value } : value;
    }

    private static DmnRuleMatch Match(DmnDecision decision, DmnDecisionTable table, DmnHitRow row)
    {
        var outputs = new Dictionary<string, object?>(table.Outputs.Count);
        for (var o = 0; o < table.Outputs.Count; o++)
        {
            outputs[OutputName(decision, table.Outputs[o])] = row.Outputs[o];
        }

        return new DmnRuleMatch(decision.Id, decision.Name, row.Rule.Id, row.Rule.Number)
        {
            Outputs = outputs,
            Annotations = row.Rule.Annotations,
            Description = row.Rule.Description,
        };
    }

    private static string OutputName(DmnDecision decision, DmnOutput output) => output.Name ?? output.Label ?? decision.Name;
}
