namespace CityOps.Flow.Engine.Feel;

/// <summary>A FEEL <c>date and time</c>: local, with a UTC offset, or with an IANA zone id.</summary>
public sealed record FeelDateTime(DateTime Local, TimeSpan? Offset = null, string? Zone = null)
{
    /// <summary>True when the value names an instant (it has an offset or a zone).</summary>
    public bool IsInstant => Offset is not null || Zone is not null;

    /// <summary>The offset in force at this local time (null when local).</summary>
    public TimeSpan? EffectiveOffset => Offset ?? (Zone is null ? null : TemporalText.ZoneOffset(Zone, Local));

    /// <summary>The instant, when the value has an offset or a zone.</summary>
    public DateTimeOffset? Instant => EffectiveOffset is { } o ? new DateTimeOffset(DateTime.SpecifyKind(Local, DateTimeKind.Unspecified), o) : null;

    public static FeelDateTime FromOffset(DateTimeOffset value) => new(value.DateTime, value.Offset);

    public override string ToString() => TemporalText.Format(this);
}
