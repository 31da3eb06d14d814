using System.Text.Json.Serialization;

namespace CityOps.Flow.Cases.Intake;

/// <summary>A grid inspector's patrol report: who, and which grid they patrol.</summary>
public sealed record GridInspectionDetails : ChannelDetails
{
    [JsonIgnore]
    public override Channel Channel => Channel.GridInspector;

    public required string InspectorId { get; init; }

    public required string GridId { get; init; }
}
