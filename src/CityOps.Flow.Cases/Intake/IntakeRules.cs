namespace CityOps.Flow.Cases.Intake;

/// <summary>The district's limits on what intake accepts.</summary>
public sealed record IntakeRules
{
    public static IntakeRules Default { get; } = new();

    public int MaxPhotos { get; init; } = 9;

    public int MaxDescriptionLength { get; init; } = 2000;

    public int MaxSourceIdLength { get; init; } = 128;

    /// <summary>How far a device clock may run ahead: an occurrence time later than receipt plus this is refused.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Video alarms less sure than this are not turned into cases automatically.</summary>
    public double MinimumVideoConfidence { get; init; } = 0.6;
}
