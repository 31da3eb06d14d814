using System.Diagnostics.CodeAnalysis;

namespace CityOps.Flow.Cases.Routing;

/// <summary>A routing decision and the rule that gave it, or why the table could not decide.</summary>
public sealed record RoutingOutcome(RoutingDecision? Decision, string? RuleId, IReadOnlyList<string> Problems)
{
    [MemberNotNullWhen(true, nameof(Decision))]
    public bool Succeeded => Decision is not null && Problems.Count == 0;
}
