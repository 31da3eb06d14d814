using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;

namespace CityOps.Flow.Web.Api.Open311;

/// <summary>
/// Reads a <c>POST /requests</c> form into an intake report of the citizen-app channel. The source id (the idempotency
/// key) is the client's <c>Idempotency-Key</c> header when sent, otherwise the SHA-256 of the form fields (sorted,
/// without <c>api_key</c>): a retried post files nothing new, under the client app's name so apps never collide.
/// </summary>
public static class Open311Submission
{
    /// <summary>The GeoReport limit; intake's own (shorter) limit applies after it and answers 400 with its message.</summary>
    public const int MaxDescriptionLength = 4000;

    public const string IdempotencyHeader = "Idempotency-Key";

    public static (IntakeReport? Report, Open311Refusal? Refusal) Read(
        IFormCollection form, string? idempotencyKey, string client, CategoryCatalog catalog, DateTimeOffset receivedAt)
    {
        var serviceCode = Value(form, "service_code");
        if (serviceCode is null)
        {
            return (null, Open311Refusal.Invalid("service_code is required"));
        }

        if (catalog.Find(serviceCode) is not { IsClass: false } category)
        {
            return (null, Open311Refusal.NotFound($"service_code '{serviceCode}' is not a service; GET /services lists them"));
        }

        var problems = new List<string>();
        var point = ReadPoint(form, problems);
        var address = Value(form, "address_string");
        if (point is null && address is null && problems.Count == 0)
        {
            problems.Add(Value(form, "address_id") is not null
                ? "address_id is not known here: send lat and long, or address_string"
                : "a location is required: lat and long, or address_string");
        }

        var description = Value(form, "description");
        if (description is { Length: > MaxDescriptionLength })
        {
            problems.Add($"description is {description.Length} characters long; at most {MaxDescriptionLength} are allowed");
        }

        var severity = ReadAttributes(form, problems);
        var reporter = ReadReporter(form, problems);
        if (problems.Count > 0)
        {
            return (null, Open311Refusal.Invalid([.. problems]));
        }

        var sourceId = idempotencyKey is { Length: > 0 } key ? $"{client}:{key}" : $"{client}:sha256:{FormHash(form)}";
        return (new IntakeReport
        {
            Channel = Channel.CitizenApp,
            SourceId = sourceId,
            CategoryCode = category.Code,
            Description = description,
            Location = new ReportLocation { Point = point, Address = address },
            Reporter = reporter,
            ReceivedAt = receivedAt,
            Photos = Value(form, "media_url") is { } media ? [media] : [],
            Severity = severity,
            Details = new Open311Details
            {
                ServiceCode = category.Code,
                DeviceId = Value(form, "device_id"),
                AccountId = Value(form, "account_id"),
            },
        }, null);
    }

    /// <summary>The spec treats an empty parameter as an absent one.</summary>
    public static string? Value(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.ToString() is { Length: > 0 } text ? text.Trim() : null;

    private static GeoPoint? ReadPoint(IFormCollection form, List<string> problems)
    {
        var lat = Value(form, "lat");
        var lon = Value(form, "long");
        if (lat is null && lon is null)
        {
            return null;
        }

        if (lat is null || lon is null)
        {
            problems.Add("lat and long go together: send both");
            return null;
        }

        if (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            || !double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
            || new GeoPoint(latitude, longitude) is not { IsValid: true } point)
        {
            problems.Add($"lat '{lat}' and long '{lon}' are not a WGS-84 position in decimal degrees");
            return null;
        }

        return point;
    }

    private static Severity? ReadAttributes(IFormCollection form, List<string> problems)
    {
        Severity? severity = null;
        foreach (var key in form.Keys.Where(k => k.StartsWith("attribute[", StringComparison.Ordinal)))
        {
            var code = key["attribute[".Length..].TrimEnd(']');
            if (code != Open311Services.SeverityAttribute)
            {
                problems.Add($"attribute '{code}' is not defined for this service; GET /services/{{code}} lists its attributes");
            }
            else if (Value(form, key) is { } value)
            {
                if (SeverityCode.TryParse(value, out var parsed))
                {
                    severity = parsed;
                }
                else
                {
                    problems.Add($"attribute[severity] '{value}' is not one of minor, normal, major, critical");
                }
            }
        }

        return severity;
    }

    private static Reporter? ReadReporter(IFormCollection form, List<string> problems)
    {
        var first = Value(form, "first_name");
        var last = Value(form, "last_name");
        // Chinese names are written family name first, without a space.
        var name = (first, last) switch
        {
            (null, null) => null,
            (_, null) => first,
            (null, _) => last,
            _ when IsHan(first) && IsHan(last) => last + first,
            _ => $"{first} {last}",
        };
        PhoneNumber? phone = null;
        if (Value(form, "phone") is { } text && !PhoneNumber.TryParse(text, out phone, out var problem))
        {
            problems.Add($"phone: {problem}");
        }

        return name is null && phone is null ? null : new Reporter { Name = name, Phone = phone };
    }

    private static bool IsHan(string text) => text.All(c => c is >= '\u4e00' and <= '\u9fff');

    private static string FormHash(IFormCollection form)
    {
        var canonical = new StringBuilder();
        foreach (var key in form.Keys.Where(k => k != "api_key").Order(StringComparer.Ordinal))
        {
            canonical.Append(key).Append('=').Append(form[key].ToString()).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
