namespace CityOps.Flow.Cases.Audit;

/// <summary>The action names the audit log records for personal data; case changes use <c>case.</c> + the event kind.</summary>
public static class AuditAction
{
    /// <summary>A person was shown a reporter's full phone number or name.</summary>
    public const string PersonalDataRevealed = "personal_data.revealed";

    /// <summary>The action for a case event, e.g. <c>case.dispatched</c>.</summary>
    public static string ForCase(Lifecycle.CaseEventKind kind) => "case." + kind.ToString().ToLowerInvariant();
}
