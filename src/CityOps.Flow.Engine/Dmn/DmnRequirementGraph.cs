namespace CityOps.Flow.Engine.Dmn;

/// <summary>Checks the decision requirement graph: unique ids, resolvable requirements, no cycles.</summary>
internal static class DmnRequirementGraph
{
    public static void Check(IReadOnlyList<DmnDecision> decisions, IReadOnlyList<DmnInputData> inputData, List<DmnProblem> problems)
    {
        var byId = new Dictionary<string, DmnDecision>();
        foreach (var decision in decisions)
        {
            if (!byId.TryAdd(decision.Id, decision))
            {
                problems.Add(new DmnProblem($"Decision id '{decision.Id}' is used twice.", decision.Id, decision.Line, decision.Column));
            }
        }

        var inputIds = inputData.Select(i => i.Id).ToHashSet();
        foreach (var decision in decisions)
        {
            foreach (var required in decision.RequiredDecisions.Where(r => !byId.ContainsKey(r)))
            {
                problems.Add(new DmnProblem($"Decision '{decision.Name}' requires decision '{required}', which is not in this document.", decision.Id, decision.Line, decision.Column));
            }

            foreach (var required in decision.RequiredInputs.Where(r => !inputIds.Contains(r)))
            {
                problems.Add(new DmnProblem($"Decision '{decision.Name}' requires input data '{required}', which is not in this document.", decision.Id, decision.Line, decision.Column));
            }
        }

        var state = new Dictionary<string, bool>(); // false: on the current path, true: done
        var path = new List<DmnDecision>();
        foreach (var decision in decisions)
        {
            Visit(decision);
        }

        void Visit(DmnDecision decision)
        {
            if (state.TryGetValue(decision.Id, out var done))
            {
                if (!done)
                {
                    var cycle = path.SkipWhile(d => d.Id != decision.Id).Append(decision).Select(d => $"'{d.Name}'");
                    problems.Add(new DmnProblem($"Decisions require each other in a cycle: {string.Join(" -> ", cycle)}.", decision.Id, decision.Line, decision.Column));
                }

                return;
            }

            state[decision.Id] = false;
            path.Add(decision);
            foreach (var required in decision.RequiredDecisions)
            {
                if (byId.TryGetValue(required, out var next))
                {
                    Visit(next);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[decision.Id] = true;
        }

    }
}
