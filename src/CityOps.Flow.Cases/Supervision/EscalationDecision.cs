namespace CityOps.Flow.Cases.Supervision;

/// <summary>The warning a case has reached, who is told, and whether a supervision notice (督办) goes out.</summary>
public sealed record EscalationDecision(WarningTier Tier, IReadOnlyList<SupervisionRole> Notify, bool Supervise);
