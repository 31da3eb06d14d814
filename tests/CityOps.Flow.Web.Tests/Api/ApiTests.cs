using System.Net;
using System.Text.Json;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Api;

public sealed class ApiTests : IAsyncLifetime
{
    private readonly PortalHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Me_without_a_session_is_a_401_problem_details()
    {
        var response = await host.CreateClient().GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Unauthorized", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Me_returns_the_signed_in_user_name_roles_and_language()
    {
        var client = new PortalClient(host);
        await client.SignInAsync("operator", "Operator#2026");

        var response = await client.Http.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("operator", me.RootElement.GetProperty("userName").GetString());
        Assert.Equal("王芳", me.RootElement.GetProperty("displayName").GetString());
        Assert.Equal(["operator"], me.RootElement.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.Equal("zh-CN", me.RootElement.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Unknown_api_route_is_a_404_problem_details()
    {
        var response = await host.CreateClient().GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task OpenApi_document_is_valid_json_describing_the_me_endpoint()
    {
        var response = await host.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        var me = document.RootElement.GetProperty("paths").GetProperty("/api/me");
        Assert.True(me.GetProperty("get").GetProperty("responses").TryGetProperty("401", out _));
    }
}
