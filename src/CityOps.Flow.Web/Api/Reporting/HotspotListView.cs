namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>The hotspot warnings for the day ending at <see cref="WindowEnd"/>, most surprising first.</summary>
public sealed record HotspotListView(DateTimeOffset WindowEnd, string Level, int TrailingDays, IReadOnlyList<HotspotView> Warnings);
