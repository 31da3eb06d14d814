namespace CityOps.Flow.Cases.Intake.Clustering;

/// <summary>An open case as the duplicate index sees it; storage keeps these so a node can rebuild its index.</summary>
public sealed record OpenCluster(
    string CaseId,
    string CategoryCode,
    GeoPoint Point,
    DateTimeOffset FirstReportAt,
    DateTimeOffset LastReportAt,
    int Size);
