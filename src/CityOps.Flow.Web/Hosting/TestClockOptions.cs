namespace CityOps.Flow.Web.Hosting;

/// <summary>
/// <c>CityOps:Clock</c>: a clock tests and demos move by hand. Never in Production: the host refuses to start.
/// </summary>
public sealed class TestClockOptions
{
    public const string Section = "CityOps:Clock";

    /// <summary>When true the host's <see cref="TimeProvider"/> is an adjustable clock and <c>/api/testing/clock</c> is mapped.</summary>
    public bool Adjustable { get; set; }

    /// <summary>The instant the clock shows at start; the real time when absent.</summary>
    public DateTimeOffset? Start { get; set; }
}
