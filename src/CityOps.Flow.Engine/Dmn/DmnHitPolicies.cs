namespace CityOps.Flow.Engine.Dmn;

/// <summary>
/// DMN hit policy semantics over the matched rows (given in rule order). A violated single-hit policy is an error
/// naming the rules involved, never a guess. For COLLECT, + and # work on the distinct outputs, as DMN 8.2.11 says
/// ("the sum of all the distinct outputs", "the number of distinct outputs").
/// </summary>
internal static class DmnHitPolicies
{
    public static DmnHitOutcome Apply(DmnDecision decision, DmnDecisionTable table, List<DmnHitRow> rows)
    {
        switch (table.HitPolicy)
        {
            case DmnHitPolicy.Unique:
                return rows.Count == 1
                    ? Single(table, rows[0])
                    : Failed($"Decision '{decision.Name}' has hit policy UNIQUE but {Describe(rows)} match; exactly one may.");
            case DmnHitPolicy.First:
                return Single(table, rows[0]);
            case DmnHitPolicy.Any:
                for (var i = 1; i < rows.Count; i++)
                {
                    if (!SameOutputs(rows[0], rows[i]))
                    {
                        return Failed($"Decision '{decision.Name}' has hit policy ANY but {Describe([rows[0], rows[i]])} match with different outputs.");
                    }
                }

                return new DmnHitOutcome(Shape(table, rows[0].Outputs), rows);
            case DmnHitPolicy.Priority:
                return Single(table, ByPriority(table, rows)[0]);
            case DmnHitPolicy.RuleOrder:
                return List(table, rows);
            case DmnHitPolicy.OutputOrder:
                return List(table, ByPriority(table, rows));
            default:
                return table.Aggregation == DmnAggregation.None ? List(table, rows) : Aggregate(decision, table, rows);
        }
    }

    /// <summary>One row as the table's value: the single output's value, or a context of the named outputs.</summary>
    public static object? Shape(DmnDecisionTable table, object?[] outputs)
    {
        if (outputs.Length == 1)
        {
            return outputs[0];
        }

        var context = new Dictionary<string, object?>(outputs.Length);
        for (var o = 0; o < outputs.Length; o++)
        {
            context[table.Outputs[o].Name ?? $"output {o + 1}"] = outputs[o];
        }

        return context;
    }

    private static DmnHitOutcome Single(DmnDecisionTable table, DmnHitRow row) => new(Shape(table, row.Outputs), [row]);

    private static DmnHitOutcome List(DmnDecisionTable table, IReadOnlyList<DmnHitRow> rows)
    {
        var values = new List<object?>(rows.Count);
        foreach (var row in rows)
        {
            values.Add(Shape(table, row.Outputs));
        }

        return new DmnHitOutcome(values, rows);
    }

    private static DmnHitOutcome Failed(string error) => new(null, [], error);

    private static bool SameOutputs(DmnHitRow a, DmnHitRow b)
    {
        for (var o = 0; o < a.Outputs.Length; o++)
        {
            if (!DmnValues.AreEqual(a.Outputs[o], b.Outputs[o]))
            {
                return false;
            }
        }

        return true;
    }

    // Rows sorted by the position of their outputs in each output's value list, first output first; a value not in
    // the list ranks after every listed one. The sort is stable, so equal priorities keep rule order.
    private static List<DmnHitRow> ByPriority(DmnDecisionTable table, List<DmnHitRow> rows)
    {
        var ranked = rows.Select(row => (row, rank: Rank(table, row))).ToList();
        return ranked
            .OrderBy(r => r.rank, Comparer<int[]>.Create(CompareRanks))
            .Select(r => r.row)
            .ToList();
    }

    private static int[] Rank(DmnDecisionTable table, DmnHitRow row)
    {
        var rank = new int[table.Outputs.Count];
        for (var o = 0; o < rank.Length; o++)
        {
            var order = table.Outputs[o].PriorityOrder;
            var position = order.Count;
            for (var p = 0; p < order.Count; p++)
            {
                if (DmnValues.AreEqual(order[p], row.Outputs[o]))
                {
                    position = p;
                    break;
                }
            }

            rank[o] = position;
        }

        return rank;
    }

    private static int CompareRanks(int[]? a, int[]? b)
    {
        for (var i = 0; i < a!.Length; i++)
        {
            var c = a[i].CompareTo(b![i]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private static DmnHitOutcome Aggregate(DmnDecision decision, DmnDecisionTable table, List<DmnHitRow> rows)
    {
        var values = rows.Select(r => r.Outputs[0]).Where(v => v is not null).ToList();
        switch (table.Aggregation)
        {
            case DmnAggregation.Count:
                return new DmnHitOutcome((decimal)Distinct(values).Count, rows);
            case DmnAggregation.Sum:
                var sum = 0m;
                foreach (var value in Distinct(values))
                {
                    if (value is not decimal number)
                    {
                        return Failed($"Decision '{decision.Name}' sums its outputs (C+) but {DmnValues.Show(value)} is not a number.");
                    }

                    sum += number;
                }

                return new DmnHitOutcome(values.Count == 0 ? null : sum, rows);
            default:
                object? best = null;
                foreach (var value in values)
                {
                    if (best is null)
                    {
                        best = value;
                        continue;
                    }

                    if (DmnValues.Compare(value, best) is not { } order)
                    {
                        return Failed($"Decision '{decision.Name}' cannot compare outputs {DmnValues.Show(best)} and {DmnValues.Show(value)} for {(table.Aggregation == DmnAggregation.Min ? "C<" : "C>")}.");
                    }

                    if (table.Aggregation == DmnAggregation.Min ? order < 0 : order > 0)
                    {
                        best = value;
                    }
                }

                return new DmnHitOutcome(best, rows);
        }
    }

    private static List<object?> Distinct(List<object?> values)
    {
        var distinct = new List<object?>(values.Count);
        foreach (var value in values)
        {
            if (!distinct.Exists(v => DmnValues.AreEqual(v, value)))
            {
                distinct.Add(value);
            }
        }

        return distinct;
    }

    // "rule 1 (r1) and rule 3 (r3) both", "rule 1 (r1), rule 2 (r2) and rule 3 (r3) all"
    private static string Describe(IReadOnlyList<DmnHitRow> rows) =>
        rows.Count == 2
            ? $"{rows[0].Rule} and {rows[1].Rule} both"
            : $"{string.Join(", ", rows.Take(rows.Count - 1).Select(r => r.Rule.ToString()))} and {rows[^1].Rule} all";
}
