using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using CityOps.Flow.Web.Api.Clients;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Open311;

/// <summary>A citizen app calling GeoReport v2 over HTTP, without signing in, as such apps do.</summary>
public sealed class Open311Client(HttpClient http)
{
    public const string ApiKey = "citizen-app-test-key";

    public static Dictionary<string, string?> Settings(int permitsPerMinute = 1000) => new()
    {
        ["Open311:Clients:test-app:KeyHash"] = ApiClientKeys.HashOf(ApiKey),
        ["Open311:PermitsPerMinute"] = permitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Workflows:PollInterval"] = "00:00:30",
    };

    public static Open311Client For(PortalHost host) =>
        new(host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    public async Task<HttpResponseMessage> GetAsync(string path) => await http.GetAsync("/open311/v2" + path);

    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> form, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/open311/v2" + path) { Content = new FormUrlEncodedContent(form) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await http.SendAsync(request);
    }

    public async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await ExpectAsync(response, expected);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<XDocument> XmlAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await ExpectAsync(response, expected);
        Assert.StartsWith("application/xml", response.Content.Headers.ContentType?.ToString());
        return XDocument.Parse(text);
    }

    public static async Task<string> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return text;
    }

    /// <summary>A broken street lamp (0109) in Jiangyue Community, with the reporter's name and phone number.</summary>
    public static List<KeyValuePair<string, string>> LampRequest(string description = "路灯不亮，晚上很黑", string apiKey = ApiKey) =>
    [
        new("api_key", apiKey),
        new("service_code", "0109"),
        new("lat", "31.052"),
        new("long", "121.579"),
        new("address_string", "浦江路 100 号"),
        new("description", description),
        new("first_name", "三丰"),
        new("last_name", "张"),
        new("phone", "138 1234 5678"),
        new("email", "zhang@example.cn"),
        new("device_id", "device-42"),
        new("account_id", "acct-7"),
        new("attribute[severity]", "major"),
    ];
}
