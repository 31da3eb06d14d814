using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace CityOps.Flow.Web.Api.Open311;

/// <summary>
/// Writes GeoReport answers in the format the path suffix chose: JSON arrays of objects, or XML with the spec's
/// root and item element names (<c>services/service</c>, <c>service_requests/request</c>, <c>errors/error</c>).
/// </summary>
public static class Open311Writer
{
    public const string Json = "json";
    public const string Xml = "xml";

    /// <summary>The route constraint for the <c>{format}</c> suffix: any other suffix is an unknown route (404).</summary>
    public const string FormatConstraint = "regex(^(json|xml)$)";

    public static IResult List(string format, string rootName, string itemName, IEnumerable<Open311Item> items, int status = StatusCodes.Status200OK) =>
        format == Xml
            ? XmlResult(new XElement(rootName, items.Select(item => Element(itemName, item))), status)
            : JsonResult(writer => WriteArray(writer, items), status);

    public static IResult Single(string format, string rootName, Open311Item item) =>
        format == Xml
            ? XmlResult(Element(rootName, item), StatusCodes.Status200OK)
            : JsonResult(writer => WriteObject(writer, item), StatusCodes.Status200OK);

    /// <summary>An error answer: <c>[{code, description}]</c> or <c>&lt;errors&gt;&lt;error&gt;…</c>, with the HTTP status as code.</summary>
    public static IResult Errors(string format, int status, params string[] descriptions) =>
        List(format, "errors", "error",
            descriptions.Select(d => new Open311Item([("code", status), ("description", d)])), status);

    /// <summary>The format a path asks for; JSON when the suffix is missing or unknown (used where routing has not run).</summary>
    public static string FormatOf(PathString path) =>
        path.Value is { } value && value.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? Xml : Json;

    private static IResult JsonResult(Action<Utf8JsonWriter> write, int status)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Results.Text(Encoding.UTF8.GetString(buffer.ToArray()), "application/json; charset=utf-8", Encoding.UTF8, status);
    }

    private static IResult XmlResult(XElement root, int status)
    {
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        return Results.Text(document.Declaration + "\n" + document.Root, "application/xml; charset=utf-8", Encoding.UTF8, status);
    }

    private static void WriteArray(Utf8JsonWriter writer, IEnumerable<Open311Item> items)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            WriteObject(writer, item);
        }

        writer.WriteEndArray();
    }

    private static void WriteObject(Utf8JsonWriter writer, Open311Item item)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in item.Fields)
        {
            writer.WritePropertyName(name);
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                case int number:
                    writer.WriteNumberValue(number);
                    break;
                case double number:
                    writer.WriteNumberValue(number);
                    break;
                case Open311List list:
                    WriteArray(writer, list.Items);
                    break;
                default:
                    writer.WriteStringValue(Text(value));
                    break;
            }
        }

        writer.WriteEndObject();
    }

    private static XElement Element(string name, Open311Item item) =>
        new(name, item.Fields.Select(field => field.Value switch
        {
            Open311List list => new XElement(field.Name, list.Items.Select(entry => Element(list.ItemName, entry))),
            null => new XElement(field.Name),
            var value => new XElement(field.Name, Text(value)),
        }));

    private static string Text(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        DateTimeOffset at => DateTime(at),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>W3C date-time with its offset, as the spec requires: <c>2026-11-21T08:30:00+08:00</c>.</summary>
    public static string DateTime(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
