using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CityOps.Flow.Web.Tests.Durable;

/// <summary>Calls the workflow API with a signed-in session and reads the JSON answers.</summary>
public sealed class WorkflowApiClient(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<HttpResponseMessage> DeployAsync(string xml, string name = "inspect-and-wait.bpmn") =>
        await http.PostAsync($"/api/workflows/definitions?name={name}", new StringContent(xml, Encoding.UTF8, "application/xml"));

    public async Task<Guid> StartAsync(string processId, object? variables = null, string? businessKey = null)
    {
        var response = await http.PostAsJsonAsync("/api/workflows/instances", new { processId, businessKey, variables });
        var body = await ExpectAsync(response, HttpStatusCode.Created);
        return body.GetProperty("instanceId").GetGuid();
    }

    public async Task<JsonElement> GetAsync(string path) => await ExpectAsync(await http.GetAsync(path), HttpStatusCode.OK);

    public async Task<JsonElement> InstanceAsync(Guid instanceId) => await GetAsync($"/api/workflows/instances/{instanceId}");

    public async Task<JsonElement> PostAsync(string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ExpectAsync(await http.PostAsJsonAsync(path, body ?? new { }), expected);

    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
