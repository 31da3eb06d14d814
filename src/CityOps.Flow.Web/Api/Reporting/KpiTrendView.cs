namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>Key figures per day, week or month of a window.</summary>
public sealed record KpiTrendView(KpiWindowView Window, string Bucket, IReadOnlyList<KpiTrendPoint> Points);
