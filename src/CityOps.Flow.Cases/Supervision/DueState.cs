namespace CityOps.Flow.Cases.Supervision;

/// <summary>Where a case or task stands against its time limit, measured in working time.</summary>
public enum DueState
{
    /// <summary>No limit is running (not yet routed, or closed).</summary>
    None,
    OnTime,
    /// <summary>At least <see cref="CaseDeadline.NearDueFraction"/> of the limit is used.</summary>
    NearDue,
    Overdue,
}
