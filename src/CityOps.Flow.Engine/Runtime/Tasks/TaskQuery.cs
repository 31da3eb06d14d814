namespace CityOps.Flow.Engine.Runtime.Tasks;

/// <summary>Filters for an inbox; every filter given must match. Paged by offset and limit.</summary>
public sealed record TaskQuery
{
    /// <summary>Tasks offered to any of these groups.</summary>
    public IReadOnlyList<string> CandidateGroups { get; init; } = [];
    /// <summary>Tasks offered to this user directly or assigned to them.</summary>
    public string? CandidateUser { get; init; }
    public string? Assignee { get; init; }
    /// <summary>Only tasks nobody has claimed.</summary>
    public bool UnassignedOnly { get; init; }
    public Guid? InstanceId { get; init; }
    /// <summary>Due at or after this instant.</summary>
    public DateTimeOffset? DueFrom { get; init; }
    /// <summary>Due strictly before this instant.</summary>
    public DateTimeOffset? DueBefore { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 50;
}
