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
        // One FEEL evaluation serves the whole table: every cell is tested within it, not set up per call.
        var cells = new DmnTableCells(new FeelBatch(feel, scope), log);
        var inputValues = EvaluateInputs(decision, table, cells, log);
        if (inputValues is null)
        {
            return null;
        }

        var matched = MatchRules(decision, table, inputValues, cells);
        if (matched.Count == 0)
        {
            return DefaultResult(decision, table, cells);
        }

        var rows = new List<DmnHitRow>(matched.Count);
        var valid = true;
        foreach (var rule in matched)
        {
            rows.Add(new DmnHitRow(rule, EvaluateOutputs(decision, table, rule, cells, log, ref valid)));
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

    private static object?[]? EvaluateInputs(DmnDecision decision, DmnDecisionTable table, DmnTableCells cells, DmnEvaluationLog log)
    {
        var values = new object?[table.Inputs.Count];
        var valid = true;
        for (var i = 0; i < values.Length; i++)
        {
            var input = table.Inputs[i];
            var value = FeelBatch.Normalize(cells.Evaluate(input.Expression));
            values[i] = value;
            if (DmnTypeRef.Conforms(input.TypeRef, value) == false)
            {
                log.Warnings.Add($"Decision '{decision.Name}': input '{input.Label}' is {DmnValues.Show(value)}, which is not of its type {input.TypeRef}.");
            }

            var allowedValue = input.AllowedValues is not { } allowed || cells.Test(allowed, value) is true;
            if (cells.HasNewWarnings)
            {
                cells.FileWarnings($"Decision '{decision.Name}' input '{input.Label}'");
            }

            if (!allowedValue)
            {
                log.Errors.Add($"Decision '{decision.Name}': input '{input.Label}' is {DmnValues.Show(value)}, which is not one of its allowed values {input.AllowedValues!.Text.Trim()}.");
                valid = false;
            }
        }

        return valid ? values : null;
    }

    private static List<DmnRule> MatchRules(DmnDecision decision, DmnDecisionTable table, object?[] inputValues, DmnTableCells cells)
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

                var verdict = cells.Test(entry, inputValues[k]);
                if (cells.HasNewWarnings)
                {
                    cells.FileWarnings($"Decision '{decision.Name}' {rule} input entry {k + 1}");
                }

                if (verdict is not true)
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

    private static object?[] EvaluateOutputs(DmnDecision decision, DmnDecisionTable table, DmnRule rule, DmnTableCells cells, DmnEvaluationLog log, ref bool valid)
    {
        var row = new object?[table.Outputs.Count];
        for (var o = 0; o < row.Length; o++)
        {
            var output = table.Outputs[o];
            var value = cells.Evaluate(rule.OutputEntries[o]);
            row[o] = value;
            if (DmnTypeRef.Conforms(output.TypeRef, value) == false)
            {
                log.Warnings.Add($"Decision '{decision.Name}' {rule}: output '{OutputName(decision, output)}' is {DmnValues.Show(value)}, which is not of its type {output.TypeRef}.");
            }

            var allowedValue = value is null || output.AllowedValues is not { } allowed || cells.Test(allowed, FeelBatch.Normalize(value)) is true;
            if (cells.HasNewWarnings)
            {
                cells.FileWarnings($"Decision '{decision.Name}' {rule} output entry {o + 1}");
            }

            if (!allowedValue)
            {
                log.Errors.Add($"Decision '{decision.Name}' {rule}: output '{OutputName(decision, output)}' is {DmnValues.Show(value)}, which is not one of its output values {output.AllowedValues!.Text.Trim()}.");
                valid = false;
            }
        }

        return row;
    }

    private static object? DefaultResult(DmnDecision decision, DmnDecisionTable table, DmnTableCells cells)
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
            if (outputs[o].DefaultOutputEntry is { } entry)
            {
                row[o] = cells.Evaluate(entry);
                if (cells.HasNewWarnings)
                {
                    cells.FileWarnings($"Decision '{decision.Name}' default output '{OutputName(decision, outputs[o])}'");
                }
            }
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
