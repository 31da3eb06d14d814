using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Dmn;

/// <summary>
/// Evaluates a decision of read definitions against the caller's variables (input data by name). Required
/// decisions are evaluated first, in dependency order, each once; their values join the scope under their names.
/// Thread-safe: it holds no state between calls.
/// </summary>
public sealed class DmnEvaluator(FeelEngine feel)
{
    private readonly DmnDecisionTableEvaluator tables = new(feel);

    public DmnDecisionResult Evaluate(DmnDefinitions definitions, string decisionIdOrName, IReadOnlyDictionary<string, object?> variables)
    {
        var decision = definitions.FindDecision(decisionIdOrName);
        if (decision is null)
        {
            var known = string.Join(", ", definitions.Decisions.Select(d => $"'{d.Name}' ({d.Id})"));
            return new DmnDecisionResult(null, [], [$"There is no decision '{decisionIdOrName}' in definitions '{definitions.Name}'; it has {known}."], []);
        }

        var log = new DmnEvaluationLog();
        var value = EvaluateDecision(definitions, decision, variables, log, new HashSet<string>());
        log.DecisionValues.Remove(decision.Name);
        return new DmnDecisionResult(value, log.Matches, log.Errors, log.Warnings) { RequiredDecisionValues = log.DecisionValues };
    }

    private object? EvaluateDecision(DmnDefinitions definitions, DmnDecision decision, IReadOnlyDictionary<string, object?> variables, DmnEvaluationLog log, HashSet<string> inProgress)
    {
        if (log.DecisionValues.TryGetValue(decision.Name, out var known))
        {
            return known;
        }

        // The reader refuses cycles; this guards definitions built in code.
        if (!inProgress.Add(decision.Id))
        {
            log.Errors.Add($"Decision '{decision.Name}' requires itself through its required decisions.");
            return null;
        }

        var scope = variables;
        if (decision.RequiredDecisions.Count > 0)
        {
            var extended = new Dictionary<string, object?>(variables);
            foreach (var requiredId in decision.RequiredDecisions)
            {
                if (definitions.FindDecisionById(requiredId) is not { } required)
                {
                    log.Errors.Add($"Decision '{decision.Name}' requires decision '{requiredId}', which is not in the definitions.");
                    continue;
                }

                extended[required.Name] = EvaluateDecision(definitions, required, variables, log, inProgress);
            }

            scope = extended;
        }

        object? value;
        switch (decision.Logic)
        {
            case DmnDecisionTable table:
                value = tables.Evaluate(decision, table, scope, log);
                break;
            case DmnLiteralExpression literal:
                var result = feel.Evaluate(literal.Expression.Compiled, scope);
                log.AddWarnings(result.Warnings, $"Decision '{decision.Name}'");
                value = result.Value;
                break;
            default:
                log.Errors.Add($"Decision '{decision.Name}' has logic of a kind this engine does not evaluate.");
                value = null;
                break;
        }

        inProgress.Remove(decision.Id);
        log.DecisionValues[decision.Name] = value;
        return value;
    }
}
