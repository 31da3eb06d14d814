namespace CityOps.Flow.Cases.Reporting;

/// <summary>How hotspot detection compares the current window with the trailing ones.</summary>
public sealed record HotspotOptions
{
    public static HotspotOptions Daily { get; } = new();

    /// <summary>The length of one window; the current window ends at the time of detection.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(1);

    /// <summary>How many windows before the current one make the baseline.</summary>
    public int TrailingWindows { get; init; } = 14;

    /// <summary>
    /// How far apart the baseline windows start; null for back to back. Hourly windows with a one-day stride compare
    /// this hour with the same hour on the previous days, so the morning rush is not mistaken for a hotspot.
    /// </summary>
    public TimeSpan? BaselineStride { get; init; }

    /// <summary>Fewer reports than this in the current window never make a hotspot, however quiet the baseline.</summary>
    public int MinimumCount { get; init; } = 5;

    /// <summary>The current count must be at least this multiple of the baseline mean.</summary>
    public double MinimumRatio { get; init; } = 2.0;

    /// <summary>The chance of a count this high under the baseline (Poisson upper tail) must be below this.</summary>
    public double Significance { get; init; } = 0.001;

    /// <summary>A baseline of zero is read as this many reports per window, so one first report is not infinitely surprising.</summary>
    public double BaselineFloor { get; init; } = 0.5;
}
