namespace CityOps.Flow.Storage;

/// <summary>What intake decided for a report: a new case, or a join to an open case of the same problem (多人一诉).</summary>
public enum IntakeDecision
{
    Opened,
    Joined,
}
