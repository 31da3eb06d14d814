using System.Globalization;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Engine.Dmn;

namespace CityOps.Flow.Cases.Routing;

/// <summary>Evaluates the routing table for a case and reads its outputs into a <see cref="RoutingDecision"/>; pure and thread-safe.</summary>
public sealed class CaseRouter(DmnEvaluator evaluator, DmnDefinitions routingTable)
{
    public RoutingOutcome Route(RoutingRequest request)
    {
        var result = evaluator.Evaluate(routingTable, RoutingRequest.DecisionId, request.ToVariables());
        var ruleId = result.MatchedRules.LastOrDefault()?.RuleId;
        if (!result.Success)
        {
            return new RoutingOutcome(null, ruleId, result.Errors);
        }

        if (result.Value is not IReadOnlyDictionary<string, object?> outputs)
        {
            return new RoutingOutcome(null, ruleId, [$"no routing rule matched category {request.CategoryCode}; the table needs a last rule that catches everything"]);
        }

        var problems = new List<string>();
        var level = Text(outputs, "level", problems) switch
        {
            null => default,
            "community" => HandlingLevel.Community,
            "street" => HandlingLevel.Street,
            "district" => HandlingLevel.District,
            var other => Problem<HandlingLevel>(problems, $"level '{other}' is not community, street or district"),
        };
        var mode = Text(outputs, "dispatchMode", problems) switch
        {
            null => default,
            "auto" => DispatchMode.Auto,
            "dispatcher" => DispatchMode.Dispatcher,
            var other => Problem<DispatchMode>(problems, $"dispatchMode '{other}' is not auto or dispatcher"),
        };
        var lead = Text(outputs, "leadDepartment", problems);
        var limitText = Text(outputs, "timeLimit", problems);
        if (!TimeLimit.TryParse(limitText, out var limit, out var limitProblem) && limitText is not null)
        {
            problems.Add($"timeLimit: {limitProblem}");
        }

        var priority = outputs.GetValueOrDefault("priority") switch
        {
            decimal d when d is >= 1 and <= 4 && d == decimal.Truncate(d) => (int)d,
            var other => Problem<int>(problems, $"priority {Convert.ToString(other, CultureInfo.InvariantCulture) ?? "null"} is not 1, 2, 3 or 4"),
        };
        var assisting = outputs.GetValueOrDefault("assistingDepartments") switch
        {
            null => [],
            IReadOnlyList<object?> list when list.All(i => i is string) => list.Cast<string>().ToList(),
            _ => Problem<List<string>>(problems, "assistingDepartments is not a list of department ids"),
        };

        if (problems.Count > 0)
        {
            return new RoutingOutcome(null, ruleId, [.. problems.Select(p => ruleId is null ? p : $"rule {ruleId}: {p}")]);
        }

        var decision = new RoutingDecision
        {
            Level = level,
            LeadDepartmentId = lead!,
            AssistingDepartmentIds = assisting,
            TimeLimit = limit,
            Priority = priority,
            DispatchMode = mode,
        };
        return new RoutingOutcome(decision, ruleId, []);
    }

    private static string? Text(IReadOnlyDictionary<string, object?> outputs, string name, List<string> problems)
    {
        if (outputs.GetValueOrDefault(name) is string { Length: > 0 } text)
        {
            return text;
        }

        problems.Add($"{name} is {(outputs.ContainsKey(name) ? "empty" : "missing")}");
        return null;
    }

    private static T Problem<T>(List<string> problems, string problem)
    {
        problems.Add(problem);
        return default!;
    }
}
