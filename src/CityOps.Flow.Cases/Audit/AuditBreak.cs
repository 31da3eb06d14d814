namespace CityOps.Flow.Cases.Audit;

/// <summary>The first place the chain fails to verify: the sequence an auditor should look at, and why.</summary>
public sealed record AuditBreak(long Sequence, AuditBreakKind Kind, string Reason);
