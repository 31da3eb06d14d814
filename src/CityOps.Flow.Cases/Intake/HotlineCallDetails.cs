using System.Text.Json.Serialization;

namespace CityOps.Flow.Cases.Intake;

/// <summary>A 12345 call: its call-centre id (to find the recording) and the operator who took it.</summary>
public sealed record HotlineCallDetails : ChannelDetails
{
    [JsonIgnore]
    public override Channel Channel => Channel.Hotline;

    public required string CallId { get; init; }

    public required string OperatorId { get; init; }
}
