namespace CityOps.Flow.Cases.Audit;

/// <summary>
/// Something to record in the audit log: who did what to which subject. The log gives it its sequence, time and hash.
/// <see cref="DetailsJson"/> is kept byte for byte, because the hash covers its exact text.
/// </summary>
public sealed record AuditEvent
{
    public required string ActorUserId { get; init; }

    /// <summary>The roles the actor acted under, as the portal resolved them at the time.</summary>
    public IReadOnlyList<string> ActorRoles { get; init; } = [];

    /// <summary>What happened, such as <see cref="AuditAction.PersonalDataRevealed"/> or <c>case.dispatched</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The kind of thing acted on: <c>case</c>, <c>report</c>, <c>user</c>, <c>decision</c> ...</summary>
    public required string SubjectType { get; init; }

    public required string SubjectId { get; init; }

    /// <summary>A JSON object with what changed (never the revealed personal data itself).</summary>
    public string DetailsJson { get; init; } = "{}";
}
