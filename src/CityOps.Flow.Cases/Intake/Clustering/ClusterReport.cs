namespace CityOps.Flow.Cases.Intake.Clustering;

/// <summary>What clustering needs of a report: its category, where, and when it happened.</summary>
public readonly record struct ClusterReport(string CategoryCode, GeoPoint Point, DateTimeOffset At)
{
    /// <summary>
    /// The clustering view of a validated report, timed by when it happened (when received, if the channel does not
    /// say); null when the report has only an address, which must be geocoded before it can be clustered.
    /// </summary>
    public static ClusterReport? From(IntakeReport report) =>
        report.Location.Point is { } point ? new ClusterReport(report.CategoryCode, point, report.OccurredAt ?? report.ReceivedAt) : null;
}
