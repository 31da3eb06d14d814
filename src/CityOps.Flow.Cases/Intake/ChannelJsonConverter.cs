using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityOps.Flow.Cases.Intake;

/// <summary>Channels in JSON by their codes: hotline, grid, iot, video, app, doorplate.</summary>
internal sealed class ChannelJsonConverter : JsonConverter<Channel>
{
    public override Channel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ChannelCode.TryParse(reader.TokenType == JsonTokenType.String ? reader.GetString() : null, out var channel)
            ? channel
            : throw new JsonException("a channel is one of hotline, grid, iot, video, app, doorplate");

    public override void Write(Utf8JsonWriter writer, Channel value, JsonSerializerOptions options) => writer.WriteStringValue(ChannelCode.Of(value));
}
