using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Lifecycle;

/// <summary>One signed-in user calling the host's JSON API over HTTP, as a client application would.</summary>
public sealed class ApiSession(HttpClient http, string userName)
{
    public string UserName { get; } = userName;

    public HttpClient Http { get; } = http;

    public static async Task<ApiSession> SignInAsync(PortalHost host, string userName, string password)
    {
        var client = new PortalClient(host);
        var signedIn = await client.SignInAsync(userName, password);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect && PortalClient.SetsAuthCookie(signedIn), $"{userName} could not sign in");
        return new ApiSession(client.Http, userName);
    }

    /// <summary>Signs in through the portal's sign-in form, as a browser does (antiforgery token included).</summary>
    public static async Task<ApiSession> SignInAsync(HttpClient http, string userName, string password)
    {
        var page = await http.GetAsync("/sign-in");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = PortalClient.AntiforgeryTokenOf(PortalClient.Parse(await page.Content.ReadAsStringAsync()));
        var signedIn = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect && PortalClient.SetsAuthCookie(signedIn), $"{userName} could not sign in");
        return new ApiSession(http, userName);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) =>
        body is null ? Http.PostAsync(path, null) : Http.PostAsJsonAsync(path, body);

    public async Task<JsonElement> GetJsonAsync(string path) => await ExpectAsync(await Http.GetAsync(path), HttpStatusCode.OK);

    public async Task<JsonElement> PostJsonAsync(string path, object? body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ExpectAsync(await PostAsync(path, body), expected);

    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
