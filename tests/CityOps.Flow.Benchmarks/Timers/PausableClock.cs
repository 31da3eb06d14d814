using System.Diagnostics;

namespace CityOps.Flow.Benchmarks.Timers;

/// <summary>Real time that stands still until <see cref="Resume"/>, so timers can be laid out before the clock runs into them.</summary>
public sealed class PausableClock(DateTimeOffset start) : TimeProvider
{
    private readonly Stopwatch running = new();

    public DateTimeOffset Start => start;

    public void Resume() => running.Start();

    public override DateTimeOffset GetUtcNow() => start + running.Elapsed;
}
