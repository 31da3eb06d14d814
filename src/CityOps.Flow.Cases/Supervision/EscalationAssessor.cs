using CityOps.Flow.Engine.Dmn;

namespace CityOps.Flow.Cases.Supervision;

/// <summary>Evaluates the escalation table for a case and reads its outputs into an <see cref="EscalationDecision"/>; pure and thread-safe.</summary>
public sealed class EscalationAssessor(DmnEvaluator evaluator, DmnDefinitions escalationTable)
{
    public EscalationOutcome Assess(EscalationRequest request)
    {
        var result = evaluator.Evaluate(escalationTable, EscalationRequest.DecisionId, request.ToVariables());
        var ruleId = result.MatchedRules.LastOrDefault()?.RuleId;
        if (!result.Success)
        {
            return new EscalationOutcome(null, ruleId, result.Errors);
        }

        if (result.Value is not IReadOnlyDictionary<string, object?> outputs)
        {
            return new EscalationOutcome(null, ruleId, ["no escalation rule matched; the table needs a last rule that catches everything"]);
        }

        var problems = new List<string>();
        WarningTier? tier = outputs.GetValueOrDefault("tier") switch
        {
            "none" => WarningTier.None,
            "yellow" => WarningTier.Yellow,
            "orange" => WarningTier.Orange,
            "red" => WarningTier.Red,
            "overdue" => WarningTier.Overdue,
            _ => null,
        };
        if (tier is null)
        {
            problems.Add($"tier '{outputs.GetValueOrDefault("tier")}' is not none, yellow, orange, red or overdue");
        }

        var notify = new List<SupervisionRole>();
        if (outputs.GetValueOrDefault("notify") is IReadOnlyList<object?> roles)
        {
            foreach (var role in roles)
            {
                SupervisionRole? parsed = role switch
                {
                    "handler" => SupervisionRole.Handler,
                    "section chief" => SupervisionRole.SectionChief,
                    "department leader" => SupervisionRole.DepartmentLeader,
                    "district leader" => SupervisionRole.DistrictLeader,
                    _ => null,
                };
                if (parsed is { } known)
                {
                    notify.Add(known);
                }
                else
                {
                    problems.Add($"notify: '{role}' is not handler, section chief, department leader or district leader");
                }
            }
        }
        else
        {
            problems.Add("notify is not a list of roles");
        }

        if (outputs.GetValueOrDefault("supervise") is not bool supervise)
        {
            problems.Add("supervise is not true or false");
            supervise = false;
        }

        return problems.Count > 0
            ? new EscalationOutcome(null, ruleId, [.. problems.Select(p => ruleId is null ? p : $"rule {ruleId}: {p}")])
            : new EscalationOutcome(new EscalationDecision(tier!.Value, notify, supervise), ruleId, []);
    }
}
