using CityOps.Flow.Cases.Reporting;

namespace CityOps.Flow.Cases.Tests.Reporting;

public sealed class HotspotDetectorTests
{
    private static readonly DateTimeOffset Today = new(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Tomorrow = Today.AddDays(1);

    /// <summary><paramref name="perDay"/>[0] is today's count, [1] yesterday's, and so on; reports spread over each day.</summary>
    private static IEnumerable<ReportOccurrence> Reports(string area, string category, params int[] perDay) =>
        perDay.SelectMany((count, daysAgo) => Enumerable.Range(0, count)
            .Select(i => new ReportOccurrence(area, category, Today.AddDays(-daysAgo).AddMinutes(10 + i * (1400.0 / Math.Max(count, 1))))));

    private static int[] Steady(int today, int baseline) => [today, .. Enumerable.Repeat(baseline, 14)];

    [Fact]
    public void Category_rising_far_above_its_baseline_raises_an_early_warning()
    {
        var warnings = new HotspotDetector().Detect(Reports("310199003", "E0402", Steady(today: 12, baseline: 1)), Tomorrow);

        var warning = Assert.Single(warnings);
        Assert.Equal(("310199003", "E0402", 12), (warning.AreaId, warning.CategoryCode, warning.CurrentCount));
        Assert.Equal(1.0, warning.BaselineMean, 6);
        Assert.Equal(11.0, warning.ZScore, 6);
        Assert.True(warning.PValue < 1e-6);
    }

    [Fact]
    public void Busy_but_steady_category_raises_nothing()
    {
        Assert.Empty(new HotspotDetector().Detect(Reports("310199001", "E0101", Steady(today: 42, baseline: 40)), Tomorrow));
    }

    [Fact]
    public void Small_absolute_rise_raises_nothing_even_from_zero()
    {
        Assert.Empty(new HotspotDetector().Detect(Reports("310199001", "E9007", Steady(today: 4, baseline: 0)), Tomorrow));
    }

    [Fact]
    public void First_reports_of_a_category_never_seen_before_raise_a_warning_once_there_are_enough()
    {
        var warning = Assert.Single(new HotspotDetector().Detect(Reports("310199005", "E0404", Steady(today: 6, baseline: 0)), Tomorrow));

        Assert.Equal(0, warning.BaselineMean);
    }

    [Fact]
    public void Doubling_of_a_large_count_is_significant_but_a_modest_rise_is_not()
    {
        var doubled = new HotspotDetector().Detect(Reports("310199001", "E0503", Steady(today: 60, baseline: 30)), Tomorrow);
        var modest = new HotspotDetector().Detect(Reports("310199001", "E0503", Steady(today: 45, baseline: 30)), Tomorrow);

        Assert.Single(doubled);
        Assert.Empty(modest);
    }

    [Fact]
    public void Same_category_is_judged_per_area()
    {
        var reports = Reports("310199002", "E9001", Steady(today: 15, baseline: 2))
            .Concat(Reports("310199006", "E9001", Steady(today: 3, baseline: 2)));

        Assert.Equal(["310199002"], new HotspotDetector().Detect(reports, Tomorrow).Select(w => w.AreaId));
    }

    [Fact]
    public void Warnings_come_most_surprising_first()
    {
        var reports = Reports("310199002", "E9001", Steady(today: 10, baseline: 2))
            .Concat(Reports("310199004", "E0402", Steady(today: 20, baseline: 1)));

        Assert.Equal(["E0402", "E9001"], new HotspotDetector().Detect(reports, Tomorrow).Select(w => w.CategoryCode));
    }

    [Fact]
    public void Reports_outside_the_current_and_trailing_windows_are_ignored()
    {
        var old = Enumerable.Range(0, 500).Select(_ => new ReportOccurrence("310199001", "E0402", Today.AddDays(-30)));
        var future = Enumerable.Range(0, 50).Select(_ => new ReportOccurrence("310199001", "E0402", Tomorrow.AddHours(1)));

        Assert.Empty(new HotspotDetector().Detect(old.Concat(future), Tomorrow));
    }

    [Fact]
    public void Report_at_the_start_of_the_current_window_counts_in_it_and_one_at_its_end_does_not()
    {
        var atStart = Enumerable.Range(0, 6).Select(_ => new ReportOccurrence("310199001", "E0404", Today));
        var atEnd = Enumerable.Range(0, 6).Select(_ => new ReportOccurrence("310199001", "E0404", Tomorrow));

        Assert.Equal(6, Assert.Single(new HotspotDetector().Detect(atStart.Concat(atEnd), Tomorrow)).CurrentCount);
    }

    [Fact]
    public void Hourly_windows_catch_a_burst_within_the_day()
    {
        var hourly = new HotspotDetector(HotspotOptions.Daily with { Window = TimeSpan.FromHours(1), TrailingWindows = 24 });
        var baseline = Enumerable.Range(1, 24).Select(h => new ReportOccurrence("310199007", "E0402", Tomorrow.AddHours(-h - 0.5)));
        var burst = Enumerable.Range(0, 9).Select(m => new ReportOccurrence("310199007", "E0402", Tomorrow.AddMinutes(-50 + m * 5)));

        var warning = Assert.Single(hourly.Detect(baseline.Concat(burst), Tomorrow));

        Assert.Equal(9, warning.CurrentCount);
        Assert.Equal(1.0, warning.BaselineMean, 6);
    }

    [Theory]
    [InlineData(0, 3.0, 1.0)]
    [InlineData(1, 2.0, 0.8646647167633873)]
    [InlineData(5, 1.0, 0.0036598468273437)]
    [InlineData(12, 1.0, 8.316107426882335e-10)]
    public void Poisson_upper_tail_matches_known_values(int k, double lambda, double expected)
    {
        Assert.Equal(expected, HotspotDetector.PoissonUpperTail(k, lambda), 1e-12);
    }

    [Fact]
    public void Poisson_tail_stays_finite_for_large_counts()
    {
        var p = HotspotDetector.PoissonUpperTail(2000, 1000);

        Assert.InRange(p, 0, 1e-100);
    }

    [Fact]
    public void Nonsensical_options_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new HotspotDetector(HotspotOptions.Daily with { TrailingWindows = 0 }));
        Assert.Throws<ArgumentException>(() => new HotspotDetector(HotspotOptions.Daily with { Significance = 2 }));
    }

    [Fact]
    public void Daily_stride_baseline_does_not_mistake_the_morning_rush_for_a_hotspot()
    {
        // A week in which 9:00-10:00 always brings ten reports and the other hours none.
        var rush = Enumerable.Range(0, 8).SelectMany(day => Enumerable.Range(0, 10)
            .Select(i => new ReportOccurrence("310199001", "E0503", Today.AddDays(-day).AddHours(9).AddMinutes(i * 5))));
        var tenOClock = Today.AddHours(10);
        var backToBack = new HotspotDetector(HotspotOptions.Daily with { Window = TimeSpan.FromHours(1), TrailingWindows = 24 });
        var sameHourDaily = new HotspotDetector(HotspotOptions.Daily with
        {
            Window = TimeSpan.FromHours(1), TrailingWindows = 7, BaselineStride = TimeSpan.FromDays(1),
        });

        Assert.Single(backToBack.Detect(rush, tenOClock));
        Assert.Empty(sameHourDaily.Detect(rush, tenOClock));
    }

    [Fact]
    public void Daily_stride_baseline_still_catches_a_burst_at_an_unusual_hour()
    {
        var rush = Enumerable.Range(0, 8).SelectMany(day => Enumerable.Range(0, 10)
            .Select(i => new ReportOccurrence("310199001", "E0503", Today.AddDays(-day).AddHours(9).AddMinutes(i * 5))));
        var afternoonBurst = Enumerable.Range(0, 8).Select(i => new ReportOccurrence("310199001", "E0503", Today.AddHours(15).AddMinutes(i * 6)));
        var detector = new HotspotDetector(HotspotOptions.Daily with
        {
            Window = TimeSpan.FromHours(1), TrailingWindows = 7, BaselineStride = TimeSpan.FromDays(1),
        });

        var warning = Assert.Single(detector.Detect(rush.Concat(afternoonBurst), Today.AddHours(16)));

        Assert.Equal((8, 0.0), (warning.CurrentCount, warning.BaselineMean));
    }

    [Fact]
    public void Baseline_stride_shorter_than_the_window_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new HotspotDetector(HotspotOptions.Daily with { BaselineStride = TimeSpan.FromHours(1) }));
    }
}
