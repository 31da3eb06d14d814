using CityOps.Flow.Cases.Reporting;
using CityOps.Flow.Cases.Tests.Clustering;
using Xunit.Abstractions;

namespace CityOps.Flow.Cases.Tests.Reporting;

/// <summary>Hotspot detection over the real Los Angeles 311 requests of early January 2020, in hourly windows by council district.</summary>
public sealed class RealRequestHotspotTests(ITestOutputHelper output)
{
    private static readonly HotspotOptions Hourly = HotspotOptions.Daily with { Window = TimeSpan.FromHours(1), TrailingWindows = 24 };

    private static readonly DateTimeOffset FirstHourJudged = new(2020, 1, 2, 1, 0, 0, TimeSpan.FromHours(-8));

    private static IReadOnlyList<ReportOccurrence> RealReports() =>
        [.. LosAngeles311.January2020.Select(r => new ReportOccurrence(r.CouncilId, r.TypeId, r.CreatedAt))];

    [Fact]
    public void Every_warning_on_real_requests_is_borne_out_by_a_recount()
    {
        var reports = RealReports();
        var detector = new HotspotDetector(Hourly);
        var warnings = 0;
        for (var end = FirstHourJudged; end <= FirstHourJudged.AddHours(36); end = end.AddHours(1))
        {
            foreach (var warning in detector.Detect(reports, end))
            {
                warnings++;
                var same = reports.Where(r => r.AreaId == warning.AreaId && r.CategoryCode == warning.CategoryCode).ToList();
                var current = same.Count(r => r.At >= end - Hourly.Window && r.At < end);
                var trailing = same.Count(r => r.At >= end - Hourly.Window * 25 && r.At < end - Hourly.Window);

                Assert.Equal(current, warning.CurrentCount);
                Assert.Equal(trailing / 24.0, warning.BaselineMean, 9);
                Assert.True(current >= Hourly.MinimumCount && current >= 2 * Math.Max(warning.BaselineMean, Hourly.BaselineFloor));
            }
        }

        output.WriteLine($"{warnings} warnings over 37 hours");

        // Back-to-back hourly windows flag the morning rise after a quiet holiday night (1 January), so there are
        // warnings to check; a one-day baseline stride is the remedy (see HotspotDetectorTests).
        Assert.NotEqual(0, warnings);
    }

    [Fact]
    public void Burst_injected_into_the_real_background_is_found_and_ranked_first()
    {
        var end = FirstHourJudged.AddHours(20);
        var burst = Enumerable.Range(0, 12).Select(i => new ReportOccurrence("44", "3", end.AddMinutes(-55 + i * 4)));

        var warnings = new HotspotDetector(Hourly).Detect(RealReports().Concat(burst), end);

        Assert.Equal(("44", "3"), (warnings[0].AreaId, warnings[0].CategoryCode));
        Assert.True(warnings[0].CurrentCount >= 12);
    }
}
