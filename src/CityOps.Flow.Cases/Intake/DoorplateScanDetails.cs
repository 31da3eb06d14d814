namespace CityOps.Flow.Cases.Intake;

/// <summary>A report made by scanning a doorplate's QR code, which names the building exactly.</summary>
public sealed record DoorplateScanDetails : ChannelDetails
{
    public override Channel Channel => Channel.DoorplateQr;

    public required string DoorplateCode { get; init; }
}
