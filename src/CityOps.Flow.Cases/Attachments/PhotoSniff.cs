namespace CityOps.Flow.Cases.Attachments;

/// <summary>The verdict on a photo's bytes: its format, or why it was refused.</summary>
public sealed record PhotoSniff(PhotoFormat? Format, string? Refusal)
{
    public static PhotoSniff Accepted(PhotoFormat format) => new(format, null);

    public static PhotoSniff Refused(string reason) => new(null, reason);
}
