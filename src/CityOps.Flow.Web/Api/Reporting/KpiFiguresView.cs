using CityOps.Flow.Cases.Reporting;

namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>The key figures of a set of cases as the API and the dashboard show them.</summary>
/// <param name="AverageHandlingSeconds">Mean working time from first dispatch to completion, in seconds; null when no case was completed.</param>
public sealed record KpiFiguresView(
    int CaseCount,
    RateView OnTime,
    double? AverageHandlingSeconds,
    RateView Returned,
    RateView FirstTimeResolution,
    RateView Satisfaction,
    RateView AutoDispatched)
{
    public static KpiFiguresView From(PerformanceTotals totals)
    {
        var summary = totals.ToSummary();
        return new(
            summary.CaseCount,
            RateView.From(summary.OnTime),
            summary.AverageHandlingTime?.TotalSeconds,
            RateView.From(summary.Returned),
            RateView.From(summary.FirstTimeResolution),
            RateView.From(summary.Satisfaction),
            RateView.From(summary.AutoDispatched));
    }
}
