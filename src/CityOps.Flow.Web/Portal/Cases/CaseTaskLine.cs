namespace CityOps.Flow.Web.Portal.Cases;

/// <summary>A workflow task of the case, open or finished, as the case page lists it.</summary>
public sealed record CaseTaskLine
{
    public required Guid Id { get; init; }

    public required string ElementId { get; init; }

    /// <summary>The task's name in the reader's language.</summary>
    public required string Name { get; init; }

    public IReadOnlyList<string> CandidateGroups { get; init; } = [];

    public string? Assignee { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    /// <summary>When it was completed or cancelled; null while open.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Who completed it (or the system that cancelled it).</summary>
    public string? FinishedBy { get; init; }

    public bool Cancelled { get; init; }
}
