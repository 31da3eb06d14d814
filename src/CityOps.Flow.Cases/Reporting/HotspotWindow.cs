namespace CityOps.Flow.Cases.Reporting;

/// <summary>One half-open window [<see cref="Start"/>, <see cref="End"/>) that hotspot detection counts reports in.</summary>
public readonly record struct HotspotWindow(DateTimeOffset Start, DateTimeOffset End);
