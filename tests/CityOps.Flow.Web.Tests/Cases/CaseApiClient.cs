using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Cases;

/// <summary>A signed-in session calling the intake and case API.</summary>
public sealed class CaseApiClient(HttpClient http)
{
    public static async Task<CaseApiClient> SignInAsync(PortalHost host, string userName, string password)
    {
        var client = new PortalClient(host);
        var signedIn = await client.SignInAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return new CaseApiClient(client.Http);
    }

    public async Task<HttpResponseMessage> PostReportAsync(object report) => await http.PostAsJsonAsync("/api/intake/reports", report);

    public async Task<JsonElement> FileAsync(object report, HttpStatusCode expected) => await ExpectAsync(await PostReportAsync(report), expected);

    public async Task<HttpResponseMessage> GetAsync(string path) => await http.GetAsync(path);

    public async Task<JsonElement> GetJsonAsync(string path) => await ExpectAsync(await http.GetAsync(path), HttpStatusCode.OK);

    public async Task<HttpResponseMessage> RevealAsync(string caseId) => await http.PostAsync($"/api/cases/{caseId}/reporter/reveal", null);

    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A citizen-app report of a broken street lamp (0109) at the position, with a reporter.</summary>
    public static Dictionary<string, object?> LampReport(string sourceId, double latitude, double longitude, string description = "路灯不亮，晚上很黑") => new()
    {
        ["channel"] = "app",
        ["sourceId"] = sourceId,
        ["categoryCode"] = "0109",
        ["description"] = description,
        ["location"] = new { point = new { latitude, longitude }, address = "浦江路 100 号" },
        ["reporter"] = new { name = "张三丰", phone = "138 1234 5678" },
        ["occurredAt"] = DateTimeOffset.UtcNow.AddMinutes(-10),
    };
}
