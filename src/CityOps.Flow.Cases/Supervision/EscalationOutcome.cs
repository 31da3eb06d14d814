using System.Diagnostics.CodeAnalysis;

namespace CityOps.Flow.Cases.Supervision;

/// <summary>An escalation decision and the rule that gave it, or why the table could not decide.</summary>
public sealed record EscalationOutcome(EscalationDecision? Decision, string? RuleId, IReadOnlyList<string> Problems)
{
    [MemberNotNullWhen(true, nameof(Decision))]
    public bool Succeeded => Decision is not null && Problems.Count == 0;
}
