namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>
/// An early warning (未诉先办): reports of a category in an area over the last day, against its trailing daily mean;
/// <see cref="Ratio"/> divides by the mean, or by the detector's floor (half a report) when the mean is lower.
/// </summary>
public sealed record HotspotView(
    string AreaId,
    string AreaName,
    string CategoryCode,
    string CategoryName,
    int CurrentCount,
    double BaselineMean,
    double Ratio,
    double PValue);
