using System.Text.Json;
using System.Text.Json.Nodes;

namespace CityOps.Flow.Engine.Feel;

/// <summary>
/// Converts between JSON (how process variables are stored) and FEEL values. Numbers become decimal;
/// temporal values and durations are written as ISO 8601 strings and read back as strings
/// (convert with <c>date(x)</c>, <c>date and time(x)</c>, <c>duration(x)</c>).
/// </summary>
public static class FeelJson
{
    public static object? FromJson(JsonElement e)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.True:
                return FeelValues.True;
            case JsonValueKind.False:
                return FeelValues.False;
            case JsonValueKind.String:
                return e.GetString();
            case JsonValueKind.Number:
                if (e.TryGetDecimal(out var d))
                {
                    return d;
                }

                var f = e.GetDouble();
                return double.IsFinite(f) && Math.Abs(f) < 7.9e28 ? (decimal)f : null;
            case JsonValueKind.Array:
                var items = new object?[e.GetArrayLength()];
                var i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    items[i++] = FromJson(item);
                }

                return items;
            default:
                var builder = new FeelContext.Builder();
                foreach (var property in e.EnumerateObject())
                {
                    builder.Set(property.Name, FromJson(property.Value));
                }

                return builder.Build();
        }
    }

    public static JsonNode? ToJson(object? value)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (FeelValues.Normalize(value))
        {
            case null:
            case FeelFunction:
                return null;
            case bool b:
                return JsonValue.Create(b);
            case decimal d:
                return JsonValue.Create(d);
            case string s:
                return JsonValue.Create(s);
            case IReadOnlyList<object?> list:
                var array = new JsonArray();
                foreach (var item in list)
                {
                    array.Add(ToJson(item));
                }

                return array;
            case FeelContext context:
                var obj = new JsonObject();
                foreach (var (key, item) in context)
                {
                    obj[key] = ToJson(item);
                }

                return obj;
            case var other:
                return JsonValue.Create(FeelText.Format(other));
        }
    }
}
