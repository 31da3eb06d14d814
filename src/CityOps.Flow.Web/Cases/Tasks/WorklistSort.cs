namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>How an inbox is ordered.</summary>
public enum WorklistSort
{
    /// <summary>Earliest due first, so overdue first; tasks without a limit last; then highest priority, then waiting longest.</summary>
    Due,
    /// <summary>Highest priority first, then by due.</summary>
    Priority,
    /// <summary>The task that arrived last first.</summary>
    Newest,
    /// <summary>The task waiting longest first.</summary>
    Oldest,
}
