namespace CityOps.Flow.Cases.Audit;

/// <summary>One sealed entry of the audit log: the event, its place in the chain, and the hash binding it to its predecessor.</summary>
public sealed record AuditEntry
{
    /// <summary>1 for the first entry, then one more for each entry, without gaps.</summary>
    public required long Sequence { get; init; }

    /// <summary>UTC, to the microsecond (what both databases store exactly).</summary>
    public required DateTimeOffset At { get; init; }

    public required string ActorUserId { get; init; }

    public required IReadOnlyList<string> ActorRoles { get; init; }

    public required string Action { get; init; }

    public required string SubjectType { get; init; }

    public required string SubjectId { get; init; }

    public required string DetailsJson { get; init; }

    /// <summary>The hash of the entry before, or <see cref="AuditChain.GenesisHash"/> for the first one.</summary>
    public required string PreviousHash { get; init; }

    /// <summary>Lower-case hex SHA-256 of <see cref="AuditChain.CanonicalBytes"/>.</summary>
    public required string Hash { get; init; }
}
