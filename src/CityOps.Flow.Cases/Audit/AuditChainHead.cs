namespace CityOps.Flow.Cases.Audit;

/// <summary>The last entry of the chain as the log recorded it when appending; lets verification notice a cut-off tail.</summary>
public sealed record AuditChainHead(long Sequence, string Hash);
