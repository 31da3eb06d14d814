namespace CityOps.Flow.Cases.Intake.Clustering;

/// <summary>What clustering needs of a report: its category, where, and when it happened.</summary>
public readonly record struct ClusterReport(string CategoryCode, GeoPoint Point, DateTimeOffset At);
