using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace CityOps.Flow.Web.Portal.Dashboard;

/// <summary>
/// The chart data the page embeds as JSON for its script (ClientApp/src/pages/dashboard.js): the same figures the
/// tables show, with the labels already in the page's language. The serializer escapes &lt; and &gt;, so the JSON is
/// safe inside a script element.
/// </summary>
public static class DashboardCharts
{
    public static string Json(DashboardData data, IStringLocalizer<DashboardText> text)
    {
        var trend = data.Trend.Points;
        var chart = new
        {
            trend = new
            {
                labels = trend.Select(p => p.From == p.To
                    ? p.From.ToString("MM-dd", CultureInfo.InvariantCulture)
                    : $"{p.From.ToString("MM-dd", CultureInfo.InvariantCulture)}~{p.To.ToString("MM-dd", CultureInfo.InvariantCulture)}"),
                cases = trend.Select(p => p.Figures.CaseCount),
                onTime = trend.Select(p => DashboardFormat.ChartPercent(p.Figures.OnTime)),
                satisfaction = trend.Select(p => DashboardFormat.ChartPercent(p.Figures.Satisfaction)),
                autoDispatched = trend.Select(p => DashboardFormat.ChartPercent(p.Figures.AutoDispatched)),
                names = new
                {
                    cases = text["Figure.Cases"].Value,
                    onTime = text["Figure.OnTime"].Value,
                    satisfaction = text["Figure.Satisfaction"].Value,
                    autoDispatched = text["Figure.AutoDispatch"].Value,
                },
            },
            channels = data.Today.Intake.Select(i => new { name = text[$"Channel.{i.Channel}"].Value, value = i.Reports }),
        };
        return JsonSerializer.Serialize(chart, JsonSerializerOptions.Web);
    }
}
