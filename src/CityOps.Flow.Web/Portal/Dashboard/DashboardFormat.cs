using System.Globalization;
using CityOps.Flow.Web.Api.Reporting;

namespace CityOps.Flow.Web.Portal.Dashboard;

/// <summary>How the dashboard writes its figures: shares as a percentage with their counts, handling time in working hours.</summary>
public static class DashboardFormat
{
    public const string None = "—";

    public static string Percent(RateView rate) =>
        rate.Value is { } value ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : None;

    public static string Counts(RateView rate) => $"{rate.Count}/{rate.Of}";

    public static string Hours(double? seconds) =>
        seconds is { } s ? (s / 3600).ToString("0.0", CultureInfo.InvariantCulture) : None;

    /// <summary>A share as a chart value in percent, one decimal; null leaves a gap in the line.</summary>
    public static double? ChartPercent(RateView rate) => rate.Value is { } value ? Math.Round(value * 100, 1) : null;
}
