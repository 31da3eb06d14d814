namespace CityOps.Flow.Cases.Reporting;

/// <summary>An early warning (未诉先办): a category rising in an area well above its trailing baseline.</summary>
public sealed record HotspotWarning(
    string AreaId,
    string CategoryCode,
    int CurrentCount,
    double BaselineMean,
    double ZScore,
    double PValue)
{
    /// <summary>How many times the baseline the current window holds.</summary>
    public double Ratio => CurrentCount / Math.Max(BaselineMean, double.Epsilon);
}
