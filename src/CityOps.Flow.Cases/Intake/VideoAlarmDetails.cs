using System.Text.Json.Serialization;

namespace CityOps.Flow.Cases.Intake;

/// <summary>An AI video alarm: the camera, the recognition algorithm and how sure it was.</summary>
public sealed record VideoAlarmDetails : ChannelDetails
{
    [JsonIgnore]
    public override Channel Channel => Channel.VideoAlarm;

    public required string CameraId { get; init; }

    /// <summary>The recognition algorithm and version, e.g. <c>street-vending/2.3</c>.</summary>
    public required string Algorithm { get; init; }

    /// <summary>The algorithm's confidence, 0 to 1.</summary>
    public required double Confidence { get; init; }
}
