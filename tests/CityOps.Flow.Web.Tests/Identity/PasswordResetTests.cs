using System.Net;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Web.Tests.Identity;

public sealed class PasswordResetTests : IAsyncLifetime
{
    // Sessions are re-checked on every request here instead of every minute, to see the effect at once.
    private readonly PortalHost host = new()
    {
        ReplaceServices = services => services.Configure<SecurityStampValidatorOptions>(stamps => stamps.ValidationInterval = TimeSpan.Zero),
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<IReadOnlyList<string>> SetPasswordAsync(string userName, string password)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await PasswordReset.SetAsync(scope.ServiceProvider.GetRequiredService<UserManager<CityUser>>(), userName, password);
    }

    [Fact]
    public async Task New_password_replaces_the_demo_password_and_ends_open_sessions()
    {
        var before = new PortalClient(host);
        await before.SignInAsync("dispatcher", "Dispatcher#2026");

        Assert.Empty(await SetPasswordAsync("dispatcher", "Changed#Pass42"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await before.Http.GetAsync("/api/me")).StatusCode);
        Assert.False(PortalClient.SetsAuthCookie(await new PortalClient(host).SignInAsync("dispatcher", "Dispatcher#2026")));
        Assert.True(PortalClient.SetsAuthCookie(await new PortalClient(host).SignInAsync("dispatcher", "Changed#Pass42")));
    }

    [Fact]
    public async Task New_password_lifts_a_lockout()
    {
        var client = new PortalClient(host);
        for (var attempt = 0; attempt < PortalIdentityServiceCollectionExtensions.MaxFailedSignIns; attempt++)
        {
            await client.SignInAsync("handler", "wrong");
        }

        Assert.Empty(await SetPasswordAsync("handler", "Handler#Again7"));

        Assert.True(PortalClient.SetsAuthCookie(await client.SignInAsync("handler", "Handler#Again7")));
    }

    [Fact]
    public async Task Weak_password_is_refused_with_every_broken_rule_and_the_old_one_still_works()
    {
        var problems = await SetPasswordAsync("operator", "short");

        Assert.Equal(
            [
                "Passwords must be at least 8 characters.",
                "Passwords must have at least one non alphanumeric character.",
                "Passwords must have at least one digit ('0'-'9').",
                "Passwords must have at least one uppercase ('A'-'Z').",
            ],
            problems);
        Assert.True(PortalClient.SetsAuthCookie(await new PortalClient(host).SignInAsync("operator", "Operator#2026")));
    }

    [Fact]
    public async Task Unknown_user_is_named_in_the_refusal()
    {
        Assert.Equal(["There is no user 'mayor'."], await SetPasswordAsync("mayor", "Mayor#Pass123"));
    }
}
