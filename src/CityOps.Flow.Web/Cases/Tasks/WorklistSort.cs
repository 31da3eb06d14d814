namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>How an inbox is ordered.</summary>
public enum WorklistSort
{
    /// <summary>Overdue first, then near due, on time and tasks without a limit; within each, earliest due, then highest priority.</summary>
    Due,
    /// <summary>Highest priority first, then by due.</summary>
    Priority,
    /// <summary>The task that arrived last first.</summary>
    Newest,
    /// <summary>The task waiting longest first.</summary>
    Oldest,
}
