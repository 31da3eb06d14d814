using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityOps.Flow.Web.Api.Clients;
using CityOps.Flow.Web.Tests.Cases;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Alarms;

/// <summary>An alarm machine posting to <c>/api/alarms</c> with its API key, as an AI video box or IoT platform does.</summary>
public sealed class AlarmClient(HttpClient http, string? apiKey)
{
    public const string VideoBoxKey = "video-box-test-key";
    public const string IotKey = "iot-platform-test-key";

    /// <summary>Two machine clients; the IoT platform may post <paramref name="iotPermitsPerMinute"/> requests a minute.</summary>
    public static Dictionary<string, string?> Settings(int iotPermitsPerMinute = 1000) => new()
    {
        ["Alarms:Clients:video-box:KeyHash"] = ApiClientKeys.HashOf(VideoBoxKey),
        ["Alarms:Clients:iot-platform:KeyHash"] = ApiClientKeys.HashOf(IotKey),
        ["Alarms:Clients:iot-platform:PermitsPerMinute"] = iotPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Alarms:PermitsPerMinute"] = "100000",
        ["Workflows:PollInterval"] = "00:00:30",
    };

    public static AlarmClient For(PortalHost host, string? apiKey) =>
        new(host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), apiKey);

    public async Task<HttpResponseMessage> PostAsync(object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alarms") { Content = JsonContent.Create(body) };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return await http.SendAsync(request);
    }

    public async Task<JsonElement> PostAsync(object body, HttpStatusCode expected) => await CaseApiClient.ExpectAsync(await PostAsync(body), expected);

    /// <summary>An AI video alarm of unlicensed street vending (E0501) at the position.</summary>
    public static Dictionary<string, object?> VideoAlarm(string sourceId, double latitude, double longitude, string category = "E0501") => new()
    {
        ["channel"] = "video",
        ["sourceId"] = sourceId,
        ["categoryCode"] = category,
        ["description"] = "AI 识别：无照经营游商",
        ["location"] = new { point = new { latitude, longitude } },
        ["occurredAt"] = DateTimeOffset.UtcNow.AddMinutes(-2),
        ["details"] = new { kind = "video", cameraId = "cam-0042", algorithm = "street-vending/2.3", confidence = 0.91 },
    };

    /// <summary>A manhole-cover tilt alarm from an IoT sensor (0102, sewage manhole cover).</summary>
    public static Dictionary<string, object?> TiltAlarm(string sourceId, double latitude, double longitude) => new()
    {
        ["channel"] = "iot",
        ["sourceId"] = sourceId,
        ["categoryCode"] = "0102",
        ["location"] = new { point = new { latitude, longitude } },
        ["details"] = new { kind = "iot", sensorId = "tilt-17", metric = "tilt", reading = 12.5, threshold = 5.0, unit = "°" },
    };
}
