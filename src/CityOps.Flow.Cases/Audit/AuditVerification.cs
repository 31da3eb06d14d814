namespace CityOps.Flow.Cases.Audit;

/// <summary>The outcome of walking the chain: how many entries were checked and the first break, if any.</summary>
public sealed record AuditVerification(long EntriesChecked, AuditBreak? Break)
{
    public bool Intact => Break is null;
}
