namespace CityOps.Flow.Cases.Reporting;

/// <summary>
/// Finds categories rising in an area: the count in the current window is compared with the mean of the trailing
/// windows under a Poisson model. A warning needs all of: at least <see cref="HotspotOptions.MinimumCount"/> reports,
/// at least <see cref="HotspotOptions.MinimumRatio"/> times the baseline, and an upper-tail probability below
/// <see cref="HotspotOptions.Significance"/>. Pure: the caller passes the reports and the end of the current window.
/// </summary>
public sealed class HotspotDetector(HotspotOptions? options = null)
{
    private readonly HotspotOptions _options = Validated(options ?? HotspotOptions.Daily);

    /// <summary>Warnings for the window ending at <paramref name="windowEnd"/>, most surprising first.</summary>
    public IReadOnlyList<HotspotWarning> Detect(IEnumerable<ReportOccurrence> reports, DateTimeOffset windowEnd)
    {
        var windows = _options.TrailingWindows + 1;
        var window = _options.Window.Ticks;
        var stride = (_options.BaselineStride ?? _options.Window).Ticks;
        var start = windowEnd - TimeSpan.FromTicks(stride * _options.TrailingWindows + window);
        var counts = new Dictionary<(string Area, string Category), int[]>();
        foreach (var report in reports)
        {
            if (report.At < start || report.At >= windowEnd)
            {
                continue;
            }

            // Window i is the half-open [end - i·S - W, end - i·S); index 0 is the current one. With a stride longer
            // than the window, reports between windows belong to none.
            var ticksBefore = (windowEnd - report.At).Ticks - 1;
            var index = (int)(ticksBefore / stride);
            if (ticksBefore % stride >= window)
            {
                continue;
            }
            if (!counts.TryGetValue((report.AreaId, report.CategoryCode), out var perWindow))
            {
                perWindow = new int[windows];
                counts.Add((report.AreaId, report.CategoryCode), perWindow);
            }

            perWindow[index]++;
        }

        return Assess(counts.Select(entry => new HotspotCounts(entry.Key.Area, entry.Key.Category, entry.Value)));
    }

    /// <summary>
    /// The windows counted for detection at <paramref name="windowEnd"/>: index 0 is the current one, then each trailing
    /// window, newest first; a database counts reports per window and passes the counts to <see cref="Assess"/>.
    /// </summary>
    public IReadOnlyList<HotspotWindow> Windows(DateTimeOffset windowEnd)
    {
        var stride = _options.BaselineStride ?? _options.Window;
        return [.. Enumerable.Range(0, _options.TrailingWindows + 1)
            .Select(i => new HotspotWindow(windowEnd - stride * i - _options.Window, windowEnd - stride * i))];
    }

    /// <summary>Warnings from counts already made per window (see <see cref="Windows"/>), most surprising first.</summary>
    public IReadOnlyList<HotspotWarning> Assess(IEnumerable<HotspotCounts> counts)
    {
        var warnings = new List<HotspotWarning>();
        foreach (var (area, category, perWindow) in counts)
        {
            if (perWindow.Count != _options.TrailingWindows + 1)
            {
                throw new ArgumentException($"{area}/{category} has {perWindow.Count} window counts; detection needs {_options.TrailingWindows + 1}", nameof(counts));
            }

            var current = perWindow[0];
            if (current < _options.MinimumCount)
            {
                continue;
            }

            var baseline = perWindow.Skip(1).Average();
            var expected = Math.Max(baseline, _options.BaselineFloor);
            if (current < _options.MinimumRatio * expected)
            {
                continue;
            }

            var pValue = PoissonUpperTail(current, expected);
            if (pValue < _options.Significance)
            {
                warnings.Add(new HotspotWarning(area, category, current, baseline, (current - expected) / Math.Sqrt(expected), pValue));
            }
        }

        return [.. warnings.OrderBy(w => w.PValue).ThenByDescending(w => w.CurrentCount).ThenBy(w => w.AreaId, StringComparer.Ordinal)
            .ThenBy(w => w.CategoryCode, StringComparer.Ordinal)];
    }

    /// <summary>P(X ≥ k) for X ~ Poisson(λ), summed in log space from k upwards (only asked for when k exceeds λ).</summary>
    internal static double PoissonUpperTail(int k, double lambda)
    {
        if (k <= 0)
        {
            return 1;
        }

        var logLambda = Math.Log(lambda);
        var logTerm = -lambda + k * logLambda - LogFactorial(k);
        var sum = 0.0;
        for (var i = k; i < k + 10_000; i++)
        {
            var term = Math.Exp(logTerm);
            sum += term;
            if (i > lambda && term < sum * 1e-15)
            {
                break;
            }

            logTerm += logLambda - Math.Log(i + 1);
        }

        return Math.Min(1, sum);
    }

    private static double LogFactorial(int n)
    {
        var sum = 0.0;
        for (var i = 2; i <= n; i++)
        {
            sum += Math.Log(i);
        }

        return sum;
    }

    private static HotspotOptions Validated(HotspotOptions options)
    {
        if (options.Window <= TimeSpan.Zero || options.TrailingWindows < 1 || options.BaselineFloor <= 0
            || options.BaselineStride is { } stride && stride < options.Window
            || options.Significance is <= 0 or >= 1 || options.MinimumRatio < 1)
        {
            throw new ArgumentException(
                "hotspot options need a positive window, a baseline stride no shorter than the window, at least one trailing window, a positive baseline floor, a significance between 0 and 1 and a ratio of at least 1",
                nameof(options));
        }

        return options;
    }
}
