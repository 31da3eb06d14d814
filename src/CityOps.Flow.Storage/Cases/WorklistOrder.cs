namespace CityOps.Flow.Storage;

/// <summary>How <see cref="CaseRepository.QueryWorklistAsync"/> orders a person's open tasks.</summary>
public enum WorklistOrder
{
    /// <summary>Earliest due first (so overdue first), undated last; then higher priority, then older.</summary>
    Due,
    /// <summary>Higher priority first, then as <see cref="Due"/>.</summary>
    Priority,
    Newest,
    Oldest,
}
