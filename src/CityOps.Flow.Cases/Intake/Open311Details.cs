using System.Text.Json.Serialization;

namespace CityOps.Flow.Cases.Intake;

/// <summary>A citizen-app request received through Open311 GeoReport v2.</summary>
public sealed record Open311Details : ChannelDetails
{
    [JsonIgnore]
    public override Channel Channel => Channel.CitizenApp;

    /// <summary>The GeoReport <c>service_code</c> the citizen chose (mapped to a category code by the Open311 edge).</summary>
    public required string ServiceCode { get; init; }

    public string? DeviceId { get; init; }

    public string? AccountId { get; init; }
}
