using System.Net;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Web.Tests.Identity;

public sealed class SignInTests : IAsyncLifetime
{
    private readonly PortalHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_sign_in_page()
    {
        var response = await new PortalClient(host).Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in?ReturnUrl=", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Demo_dispatcher_signs_in_and_lands_on_the_dispatcher_home_page()
    {
        var client = new PortalClient(host);

        var response = await client.SignInAsync("dispatcher", "Dispatcher#2026");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", PortalClient.PathOf(response.Headers.Location!));
        Assert.True(PortalClient.SetsAuthCookie(response));
        var home = await client.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("[data-role-home=dispatcher]"));
        Assert.Contains("李强", home.QuerySelector("[data-role=welcome]")!.TextContent);
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_creates_no_session()
    {
        var client = new PortalClient(host);

        var response = await client.SignInAsync("operator", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(PortalClient.SetsAuthCookie(response));
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("用户名或密码不正确。", page.QuerySelector("[data-role=sign-in-error]")!.TextContent.Trim());
        Assert.Equal("operator", page.QuerySelector("input[name='Input.UserName']")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var client = new PortalClient(host);
        for (var attempt = 0; attempt < PortalIdentityServiceCollectionExtensions.MaxFailedSignIns; attempt++)
        {
            Assert.False(PortalClient.SetsAuthCookie(await client.SignInAsync("auditor", $"wrong-{attempt}")));
        }

        var response = await client.SignInAsync("auditor", "Auditor#2026");

        Assert.False(PortalClient.SetsAuthCookie(response));
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("账户已暂时锁定", page.QuerySelector("[data-role=sign-in-error]")!.TextContent);
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CityUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync("auditor"))!));
    }

    [Fact]
    public async Task Four_wrong_passwords_then_the_right_one_signs_in()
    {
        var client = new PortalClient(host);
        for (var attempt = 0; attempt < PortalIdentityServiceCollectionExtensions.MaxFailedSignIns - 1; attempt++)
        {
            await client.SignInAsync("leader", $"wrong-{attempt}");
        }

        Assert.True(PortalClient.SetsAuthCookie(await client.SignInAsync("leader", "Leader#2026")));
    }

    [Fact]
    public async Task Sign_in_post_without_antiforgery_token_is_refused()
    {
        var client = new PortalClient(host);
        await client.GetPageAsync("/sign-in");

        var response = await client.Http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["Input.UserName"] = "operator",
            ["Input.Password"] = "Operator#2026",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(PortalClient.SetsAuthCookie(response));
    }

    [Fact]
    public async Task Sign_out_post_without_antiforgery_token_is_refused_and_the_session_stays()
    {
        var client = new PortalClient(host);
        await client.SignInAsync("handler", "Handler#2026");

        var response = await client.Http.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = new PortalClient(host);
        await client.SignInAsync("supervisor", "Supervisor#2026");
        var home = await client.GetPageAsync("/");
        var signOutForm = home.QuerySelector("form[action='/sign-out']")!;

        var response = await client.Http.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = signOutForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", PortalClient.PathOf(response.Headers.Location!));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/me")).StatusCode);
    }
}
