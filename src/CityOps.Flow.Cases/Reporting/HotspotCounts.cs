namespace CityOps.Flow.Cases.Reporting;

/// <summary>Reports of one category in one area per window: index 0 is the current window, then the trailing ones, newest first.</summary>
public sealed record HotspotCounts(string AreaId, string CategoryCode, IReadOnlyList<int> PerWindow);
