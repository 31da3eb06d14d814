using System.Text.Json.Serialization;

namespace CityOps.Flow.Cases.Intake;

/// <summary>Where a report came from. Source ids are unique per channel, not across channels.</summary>
[JsonConverter(typeof(ChannelJsonConverter))]
public enum Channel
{
    /// <summary>A 12345 hotline operator typing in a call.</summary>
    Hotline,

    /// <summary>A grid inspector (网格员) on patrol, from the mobile app.</summary>
    GridInspector,

    /// <summary>An IoT sensor crossing a threshold (manhole tilt, water level, gas concentration).</summary>
    IotSensor,

    /// <summary>An AI video-analysis alarm from a street camera.</summary>
    VideoAlarm,

    /// <summary>A citizen's app or mini-program, through the Open311 GeoReport v2 interface.</summary>
    CitizenApp,

    /// <summary>A citizen who scanned the QR code on a doorplate (一门一码).</summary>
    DoorplateQr,
}
