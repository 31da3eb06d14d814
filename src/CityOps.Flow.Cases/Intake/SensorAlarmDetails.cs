using System.Text.Json.Serialization;

namespace CityOps.Flow.Cases.Intake;

/// <summary>An IoT sensor alarm: the device, what it measures, the reading and the threshold it crossed.</summary>
public sealed record SensorAlarmDetails : ChannelDetails
{
    [JsonIgnore]
    public override Channel Channel => Channel.IotSensor;

    public required string SensorId { get; init; }

    /// <summary>What is measured, e.g. <c>tilt</c>, <c>water-level</c>, <c>methane</c>.</summary>
    public required string Metric { get; init; }

    public required double Reading { get; init; }

    public double? Threshold { get; init; }

    public string? Unit { get; init; }
}
