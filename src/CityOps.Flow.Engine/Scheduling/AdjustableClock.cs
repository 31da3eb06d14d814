namespace CityOps.Flow.Engine.Scheduling;

/// <summary>
/// A clock an operator or a test moves by hand: demos, simulations and tests of time limits
/// run on it so that days of working time pass in seconds.
/// </summary>
public sealed class AdjustableClock(DateTimeOffset start, TimeZoneInfo? localTimeZone = null) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone { get; } = localTimeZone ?? TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock forward; time never runs backwards.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _now += by;
        }
    }

    /// <summary>Sets the clock to a later instant.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate)
        {
            if (value < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The clock cannot be set back.");
            }

            _now = value.ToUniversalTime();
        }
    }
}
