using System.Text.Json.Serialization;

namespace CityOps.Flow.Cases.Intake;

/// <summary>A report made by scanning a doorplate's QR code, which names the building exactly.</summary>
public sealed record DoorplateScanDetails : ChannelDetails
{
    [JsonIgnore]
    public override Channel Channel => Channel.DoorplateQr;

    public required string DoorplateCode { get; init; }
}
