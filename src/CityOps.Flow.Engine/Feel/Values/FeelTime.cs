namespace CityOps.Flow.Engine.Feel;

/// <summary>A FEEL <c>time</c>: a local time of day, optionally with a UTC offset or an IANA zone id.</summary>
public sealed record FeelTime(TimeOnly LocalTime, TimeSpan? Offset = null, string? Zone = null)
{
    /// <summary>The offset in force: the explicit offset, or the zone's standard offset (null when local).</summary>
    internal TimeSpan? EffectiveOffset => Offset ?? (Zone is null ? null : TemporalText.ZoneBaseOffset(Zone));

    public override string ToString() => TemporalText.Format(this);
}
