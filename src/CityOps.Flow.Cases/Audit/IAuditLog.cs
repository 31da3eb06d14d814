namespace CityOps.Flow.Cases.Audit;

/// <summary>The append-only, hash-chained record of every change and every reveal of personal data.</summary>
public interface IAuditLog
{
    /// <summary>Seals the event as the next entry of the one chain, whichever node appends.</summary>
    Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken ct = default);

    /// <summary>Walks the whole chain in order and reports the first entry that does not verify.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken ct = default);
}
