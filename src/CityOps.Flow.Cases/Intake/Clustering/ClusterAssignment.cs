namespace CityOps.Flow.Cases.Intake.Clustering;

/// <summary>
/// Where a report went: a new case (<see cref="Opened"/>, size 1) or an existing open case whose cluster grew to
/// <see cref="ClusterSize"/>.
/// </summary>
public readonly record struct ClusterAssignment(string CaseId, int ClusterSize, bool Opened)
{
    public bool Joined => !Opened;
}
