using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityOps.Flow.Cases.Catalog;

/// <summary>Severities in JSON by their codes: minor, normal, major, critical.</summary>
internal sealed class SeverityJsonConverter : JsonConverter<Severity>
{
    public override Severity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SeverityCode.TryParse(reader.TokenType == JsonTokenType.String ? reader.GetString() : null, out var severity)
            ? severity
            : throw new JsonException("a severity is one of minor, normal, major, critical");

    public override void Write(Utf8JsonWriter writer, Severity value, JsonSerializerOptions options) => writer.WriteStringValue(SeverityCode.Of(value));
}
