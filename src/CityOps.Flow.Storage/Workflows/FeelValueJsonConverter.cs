using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Storage;

/// <summary>
/// Writes FEEL values (process variables, loop items) to JSON and reads them back as the same FEEL types, so an
/// instance loaded from the database behaves exactly as the one in memory did. Plain JSON carries null, booleans,
/// decimals, strings, lists and contexts; dates, times, durations and ranges are tagged objects (<c>{"$feel": ...}</c>).
/// </summary>
internal sealed class FeelValueJsonConverter : JsonConverter<object?>
{
    private const string Tag = "$feel";

    public override bool HandleNull => true;

    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return Decode(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options) => Encode(writer, value);

    public static object? Decode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.GetDecimal();
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(Decode).ToArray();
        }

        if (!element.TryGetProperty(Tag, out var tag))
        {
            return FeelContext.From(element.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, Decode(p.Value))));
        }

        return tag.GetString() switch
        {
            "date" => DateOnly.ParseExact(Text(element, "value"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            "time" => new FeelTime(TimeOnly.ParseExact(Text(element, "value"), "HH:mm:ss.fffffff", CultureInfo.InvariantCulture), Offset(element), Zone(element)),
            "date-time" => new FeelDateTime(DateTime.Parse(Text(element, "value"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), Offset(element), Zone(element)),
            "days-time-duration" => new TimeSpan(element.GetProperty("ticks").GetInt64()),
            "years-months-duration" => new FeelYearsMonthsDuration(element.GetProperty("months").GetInt32()),
            "range" => new FeelRange(
                Decode(element.GetProperty("start")),
                element.GetProperty("startIncluded").GetBoolean(),
                Decode(element.GetProperty("end")),
                element.GetProperty("endIncluded").GetBoolean()),
            "context" => FeelContext.From(element.GetProperty("entries").EnumerateObject()
                .Select(p => new KeyValuePair<string, object?>(p.Name, Decode(p.Value)))),
            var other => throw new JsonException($"Unknown FEEL value tag '{other}'."),
        };
    }

    public static void Encode(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null or FeelFunction:
                // Functions are code, not data; FEEL's own JSON mapping drops them the same way.
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case decimal d:
                writer.WriteNumberValue(d);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case DateOnly date:
                WriteTagged(writer, "date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, null);
                break;
            case FeelTime time:
                WriteTagged(writer, "time", time.LocalTime.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture), time.Offset, time.Zone);
                break;
            case FeelDateTime dateTime:
                WriteTagged(writer, "date-time", dateTime.Local.ToString("O", CultureInfo.InvariantCulture), dateTime.Offset, dateTime.Zone);
                break;
            case TimeSpan duration:
                writer.WriteStartObject();
                writer.WriteString(Tag, "days-time-duration");
                writer.WriteNumber("ticks", duration.Ticks);
                writer.WriteEndObject();
                break;
            case FeelYearsMonthsDuration duration:
                writer.WriteStartObject();
                writer.WriteString(Tag, "years-months-duration");
                writer.WriteNumber("months", duration.TotalMonths);
                writer.WriteEndObject();
                break;
            case FeelRange range:
                writer.WriteStartObject();
                writer.WriteString(Tag, "range");
                writer.WritePropertyName("start");
                Encode(writer, range.Start);
                writer.WriteBoolean("startIncluded", range.StartIncluded);
                writer.WritePropertyName("end");
                Encode(writer, range.End);
                writer.WriteBoolean("endIncluded", range.EndIncluded);
                writer.WriteEndObject();
                break;
            case IReadOnlyDictionary<string, object?> context:
                EncodeContext(writer, context);
                break;
            case IEnumerable<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Encode(writer, item);
                }

                writer.WriteEndArray();
                break;
            case int or long or short or byte:
                writer.WriteNumberValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                break;
            case double or float:
                writer.WriteNumberValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                break;
            default:
                throw new JsonException($"A value of type {value.GetType().Name} is not a FEEL value and cannot be stored.");
        }
    }

    private static void EncodeContext(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> context)
    {
        // A context that itself has a "$feel" key is wrapped, so it is never mistaken for a tagged value.
        var wrapped = context.ContainsKey(Tag);
        writer.WriteStartObject();
        if (wrapped)
        {
            writer.WriteString(Tag, "context");
            writer.WriteStartObject("entries");
        }

        foreach (var (key, item) in context)
        {
            writer.WritePropertyName(key);
            Encode(writer, item);
        }

        if (wrapped)
        {
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteTagged(Utf8JsonWriter writer, string tag, string value, TimeSpan? offset, string? zone)
    {
        writer.WriteStartObject();
        writer.WriteString(Tag, tag);
        writer.WriteString("value", value);
        if (offset is { } o)
        {
            writer.WriteNumber("offsetTicks", o.Ticks);
        }

        if (zone is not null)
        {
            writer.WriteString("zone", zone);
        }

        writer.WriteEndObject();
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private static TimeSpan? Offset(JsonElement element) =>
        element.TryGetProperty("offsetTicks", out var ticks) ? new TimeSpan(ticks.GetInt64()) : null;

    private static string? Zone(JsonElement element) =>
        element.TryGetProperty("zone", out var zone) ? zone.GetString() : null;
}
