namespace CityOps.Flow.Cases.Intake;

/// <summary>The short codes channels have in decision tables and the API: hotline, grid, iot, video, app, doorplate.</summary>
public static class ChannelCode
{
    public static string Of(Channel channel) => channel switch
    {
        Channel.Hotline => "hotline",
        Channel.GridInspector => "grid",
        Channel.IotSensor => "iot",
        Channel.VideoAlarm => "video",
        Channel.CitizenApp => "app",
        Channel.DoorplateQr => "doorplate",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "not a channel"),
    };

    public static bool TryParse(string? code, out Channel channel)
    {
        foreach (var candidate in Enum.GetValues<Channel>())
        {
            if (Of(candidate) == code)
            {
                channel = candidate;
                return true;
            }
        }

        channel = default;
        return false;
    }
}
