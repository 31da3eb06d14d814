using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityOps.Flow.Cases.Intake;

/// <summary>Reads any accepted notation; writes the masked form, so a serialised report never leaks the number.</summary>
internal sealed class PhoneNumberJsonConverter : JsonConverter<PhoneNumber>
{
    public override PhoneNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("a phone number is written as a string");
        }

        return PhoneNumber.TryParse(reader.GetString(), out var phone, out var problem) ? phone! : throw new JsonException(problem);
    }

    public override void Write(Utf8JsonWriter writer, PhoneNumber value, JsonSerializerOptions options) => writer.WriteStringValue(value.Masked());
}
