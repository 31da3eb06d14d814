using System.Text.Json.Serialization;

namespace CityOps.Flow.Cases.Intake;

/// <summary>What only one channel knows (the camera's algorithm, the sensor's reading, the hotline call id).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(HotlineCallDetails), "hotline")]
[JsonDerivedType(typeof(GridInspectionDetails), "grid")]
[JsonDerivedType(typeof(SensorAlarmDetails), "iot")]
[JsonDerivedType(typeof(VideoAlarmDetails), "video")]
[JsonDerivedType(typeof(Open311Details), "app")]
[JsonDerivedType(typeof(DoorplateScanDetails), "doorplate")]
public abstract record ChannelDetails
{
    /// <summary>The channel these details belong to; a report's details must match its channel.</summary>
    [JsonIgnore]
    public abstract Channel Channel { get; }
}
